# 厂贸通 — the two commands a newcomer needs: `make run` and `make test`.
SHELL := /bin/bash
PORT ?= 8000
HOST ?= 127.0.0.1
PY_VERSION := 3.11
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(shell command -v uv 2>/dev/null || echo $(TOOLS)/bin/uv)
MANAGE := $(UV) run --frozen python backend/manage.py
# Background work (common/tasks.py): workers run effects, beat runs the schedule (common/jobs.py).
CELERY := $(UV) run --frozen celery --workdir backend -A config
export PYTHONPATH := backend
export DJANGO_SETTINGS_MODULE := config.settings

.PHONY: run serve-prod test setup client client-test client-test-if-present lint typecheck migrations-check deploy-check pytest messages bench bench-1m clean

$(TOOLS)/bin/uv:
	python3 -m venv $(TOOLS)
	$(TOOLS)/bin/pip install -q uv==$(UV_VERSION)

setup: $(if $(shell command -v uv 2>/dev/null),,$(TOOLS)/bin/uv)
	$(UV) sync --frozen --python $(PY_VERSION)

## The whole platform on http://$(HOST):$(PORT): API, console (/admin/) and the H5 app (/).
run: setup
	$(MANAGE) migrate --noinput
	$(MANAGE) collectstatic --noinput -v 0
	$(MANAGE) seed_demo
	@if command -v npm >/dev/null && [ -f client/package.json ]; then $(MAKE) --no-print-directory client; \
	  else echo "npm 不可用：跳过 H5 构建，/ 将显示提示页"; fi
	@echo "模拟微信服务端: http://127.0.0.1:8917 （嵌入式运行使用）"
	@$(MANAGE) runfakewechat & fake=$$!; \
	  $(CELERY) worker -l info -P solo --without-mingle --without-gossip & worker=$$!; \
	  $(CELERY) beat -l info & beat=$$!; \
	  trap "kill $$fake $$worker $$beat 2>/dev/null; wait" EXIT INT TERM; \
	  echo "后台任务: 1 个 worker（pid $$worker）与 1 个 beat（pid $$beat）已启动"; \
	  echo "厂贸通已启动: http://$(HOST):$(PORT)/  后台: /admin/  接口文档: /api/docs"; \
	  $(UV) run --frozen uvicorn config.asgi:application --app-dir backend --host $(HOST) --port $(PORT)

## The production web server (README, Production): uvicorn with one worker per core (WORKERS=N to change),
## uvloop and httptools, no access log (the proxy keeps one), a pool of 8 database connections per worker. Needs DATABASE_URL (PostgreSQL) and REDIS_URL
## in production; bench/http_bench.py starts exactly this command.
WORKERS ?= $(shell nproc 2>/dev/null || echo 2)
DATABASE_POOL_MAX ?= 8
serve-prod:
	DATABASE_POOL_MAX=$(DATABASE_POOL_MAX) CMT_ACCESS_LOG_LEVEL=$${CMT_ACCESS_LOG_LEVEL:-WARNING} $(UV) run --frozen uvicorn config.asgi:application --app-dir backend --host $(HOST) --port $(PORT) \
	  --workers $(WORKERS) --loop uvloop --http httptools --no-access-log --log-level warning

## Builds the H5 app (served at /) and the WeChat mini-program (client/dist/build/mp-weixin).
client:
	cd client && npm ci --no-audit --no-fund --loglevel=error && npm run build:h5

## The mini-program is checked as a release (issue #16 item 1): a test https API base and a fake (well-formed)
## appid, never used for a real upload; the release build must also refuse to run without them.
MP_TEST_ENV := VITE_API_BASE=https://api.cmt-ci.invalid CMT_MP_APPID=wx0000000000c1c1c1

client-test:
	cd client && npm ci --no-audit --no-fund --loglevel=error && UV=$(abspath $(UV)) npm run check && npm test \
	  && npm run build:h5 && node scripts/check-release-refusal.mjs \
	  && $(MP_TEST_ENV) npm run build:mp-weixin && $(MP_TEST_ENV) node scripts/check-mp-output.mjs

## The whole suite: lint, types, migrations, API tests (with schemathesis over every operation on a live
## server, backend/common/tests/test_api_fuzz.py), client unit tests, browser tests.
test: setup lint typecheck migrations-check deploy-check client-test-if-present pytest

client-test-if-present:
	@if [ -f client/package.json ]; then $(MAKE) --no-print-directory client-test; fi

## ruff, and import-linter's layer contracts (pyproject.toml; PYTHONPATH=backend is exported above).
lint:
	$(UV) run --frozen ruff check backend bench e2e
	$(UV) run --frozen lint-imports

typecheck:
	$(UV) run --frozen mypy backend

migrations-check:
	$(MANAGE) makemigrations --check --dry-run

## nginx -t and systemd-analyze verify on deploy/ (docs/deploy.md); under CI=true a missing tool fails.
deploy-check: setup
	bash deploy/check.sh

pytest:
	$(UV) run --frozen pytest -q -W ignore::UserWarning

## Recompiles backend/locale (the console's Chinese strings); needs GNU gettext (apt-get install gettext).
messages:
	cd backend && ../$(UV) run --frozen python manage.py compilemessages -l zh_Hans 2>/dev/null || $(UV) run --frozen python manage.py compilemessages -l zh_Hans

bench: setup
	$(UV) run --frozen python bench/run_all.py

## The board/search/throughput table at 1M posts and 100k factories (PostgreSQL; ~10 min to load, then ~5 min).
BENCH_DB ?= postgres://postgres@127.0.0.1:5432/cmt_bench
bench-1m: setup
	DATABASE_URL=$(BENCH_DB) $(UV) run --frozen python bench/http_bench.py --posts 1000000 --factories 100000

clean:
	rm -rf var backend/staticfiles .venv $(TOOLS)
