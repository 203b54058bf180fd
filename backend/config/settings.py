"""Settings for 厂贸通. Every value that differs between machines comes from an environment variable.

The embedded run (``make run``) needs none of them: it uses SQLite under ``var/`` and development keys.
Production must set ``DJANGO_SECRET_KEY``, ``FIELD_ENCRYPTION_KEYS``, ``BLIND_INDEX_KEY`` and
``DATABASE_URL`` (see README).
"""

from __future__ import annotations

import base64
import os
from pathlib import Path

import dj_database_url

BACKEND_DIR = Path(__file__).resolve().parent.parent
PROJECT_DIR = BACKEND_DIR.parent
VAR_DIR = Path(os.environ.get("CMT_VAR_DIR", PROJECT_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DJANGO_DEBUG", False)
# Outside production the embedded defaults below are acceptable; production refuses to start without keys.
PRODUCTION = env_bool("CMT_PRODUCTION", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise RuntimeError("DJANGO_SECRET_KEY must be set in production")
    SECRET_KEY = "embedded-development-only-secret-key-not-for-production"

ALLOWED_HOSTS = [h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "unfold",
    "unfold.contrib.filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "channels",
    # Domain apps, one per domain (docs/architecture.md).
    "common",
    "accounts",
    "wechat",
    "regions",
    "taxonomy",
    "uploads",
    "notifications",
    "legal",
    "verification",
    "factories",
    "moderation",
    "listings",
    "search",
    "discovery",
    "matching",
    "messaging",
    "applications",
    "support",
    "dashboard",
    # The top layer: the project itself (API mounting, settings) and seed_demo, which calls every app.
    "config",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Kept anonymous board pages, answered before the API parses the query (discovery/board_cache.py).
    "discovery.board_cache.AnonymousBoardAnswers",
    # Last on purpose: it is sync-only, so under Django's own ASGI handler the whole chain above would run in
    # the request's one thread instead of hopping to the event loop and back at each middleware (17 hops a
    # request → 5). The production server serves HTTP with a synchronous handler anyway (config/http.py).
    "common.middleware.MethodOverrideMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BACKEND_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})
    # JIT compilation adds 60-70 ms to the board and search queries and never pays back on them.
    DATABASES["default"]["OPTIONS"].setdefault("options", "-c jit=off")
    # A connection pool per process (issue #13): opening a connection costs ~2.3 ms against ~0.08 ms for a
    # query. Not CONN_MAX_AGE: under ASGI the synchronous views run on many executor threads, and each
    # thread would keep a connection of its own (76 for two workers under load, until PostgreSQL refuses
    # more). The web server turns it on (``make serve-prod`` sets DATABASE_POOL_MAX=8); elsewhere (Celery's
    # forked workers, tests) it stays off and DATABASE_CONN_MAX_AGE applies as before.
    _pool_max = int(os.environ.get("DATABASE_POOL_MAX", "0"))
    if _pool_max > 0:
        DATABASES["default"]["CONN_MAX_AGE"] = 0
        DATABASES["default"]["OPTIONS"]["pool"] = {
            "min_size": 1,
            "max_size": _pool_max,
            "timeout": float(os.environ.get("DATABASE_POOL_TIMEOUT", "10")),
        }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded database under concurrent requests: WAL lets readers run while one request writes;
    # IMMEDIATE transactions take the write lock when they begin, so two writers queue on the busy
    # timeout instead of one failing with "database is locked" when it upgrades a read to a write.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "timeout": 20,  # seconds a writer waits for the lock (SQLite busy timeout)
            "transaction_mode": "IMMEDIATE",
        }
    )

# The one request-size limit of the API: a body (JSON, or a form's non-file fields) over it is answered
# 413 payload_too_large. Uploaded files are not counted here; each upload kind has its own limit.
DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("CMT_MAX_REQUEST_BYTES", str(1024 * 1024)))

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "/admin/login/"
LOGIN_REDIRECT_URL = "/admin/"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
# Our catalog adds Chinese for the console theme's own strings (django-unfold ships no translations).
LOCALE_PATHS = [BACKEND_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BACKEND_DIR / "staticfiles"
MEDIA_ROOT = Path(os.environ.get("CMT_MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"
MEDIA_ROOT.mkdir(parents=True, exist_ok=True)  # /readyz checks that uploads can be written here
# The H5 build of the client, served at / by the backend in the embedded run.
H5_DIST_DIR = Path(os.environ.get("CMT_H5_DIST", PROJECT_DIR / "client" / "dist" / "build" / "h5"))

STORAGES = {
    "default": {"BACKEND": os.environ.get("CMT_FILE_STORAGE", "django.core.files.storage.FileSystemStorage")},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
S3_STORAGE = "storages.backends.s3.S3Storage"
if os.environ.get("CMT_S3_BUCKET") and "CMT_FILE_STORAGE" not in os.environ:
    STORAGES["default"]["BACKEND"] = S3_STORAGE
# Uploads on S3-compatible storage (AWS S3, MinIO, Aliyun OSS / Tencent COS in S3 mode; tested in CI against
# moto's server over HTTP): the bucket stays private, every object is written with a private ACL, and a reader
# who passed our access check is redirected to a URL signed for that one object (uploads/serving.py).
# Keys come from CMT_S3_ACCESS_KEY / CMT_S3_SECRET_KEY or boto3's own chain (AWS_* variables, instance roles).
UPLOAD_STORAGE_REDIRECT = False
if STORAGES["default"]["BACKEND"] == S3_STORAGE:
    STORAGES["default"]["OPTIONS"] = {  # type: ignore[assignment]
        "bucket_name": os.environ["CMT_S3_BUCKET"],
        "endpoint_url": os.environ.get("CMT_S3_ENDPOINT") or None,
        "region_name": os.environ.get("CMT_S3_REGION") or None,
        "access_key": os.environ.get("CMT_S3_ACCESS_KEY") or None,
        "secret_key": os.environ.get("CMT_S3_SECRET_KEY") or None,
        "addressing_style": os.environ.get("CMT_S3_ADDRESSING_STYLE") or None,
        "default_acl": "private",
        "querystring_auth": True,
        "file_overwrite": False,
    }
    UPLOAD_STORAGE_REDIRECT = env_bool("CMT_S3_REDIRECT", True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Channels (chat over WebSocket) ---
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    # Redis pub/sub (issue #13): an event is one PUBLISH, and each process's subscribed connection hands it
    # to its sockets with no further round trip. The queue layer (``CMT_CHANNEL_LAYER=queue``,
    # channels_redis.core) pays four Redis round trips per received event, one after another per process,
    # and drops events once a process's queue holds ``capacity`` (default 100): 200 chatting sockets
    # lost half their messages and waited seconds for the rest. Pub/sub keeps nothing for a process
    # that is not connected; the client's next fetch catches up, as after any lost push.
    if os.environ.get("CMT_CHANNEL_LAYER", "pubsub") == "queue":
        CHANNEL_LAYERS = {
            "default": {
                "BACKEND": "channels_redis.core.RedisChannelLayer",
                "CONFIG": {"hosts": [REDIS_URL], "capacity": int(os.environ.get("CMT_CHANNEL_CAPACITY", "5000"))},
            }
        }
    else:
        CHANNEL_LAYERS = {
            "default": {"BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer", "CONFIG": {"hosts": [REDIS_URL]}}
        }
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

# --- Background tasks (Celery; see common/tasks.py and docs/architecture.md) ---
# Redis in production and CI; the embedded run needs no server: kombu's filesystem transport under var/.
if REDIS_URL:
    CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", REDIS_URL)
    # Unacknowledged messages (a worker died mid-task) return to the queue after this; it must exceed the
    # longest retry delay, since Redis holds countdown messages unacknowledged too.
    CELERY_BROKER_TRANSPORT_OPTIONS: dict[str, object] = {
        "visibility_timeout": float(os.environ.get("CMT_CELERY_VISIBILITY_TIMEOUT", "7200"))
    }
    if os.environ.get("CMT_CELERY_RESTORE_INTERVAL"):  # how often workers look for such messages (tests)
        CELERY_BROKER_TRANSPORT_OPTIONS["unacked_restore_interval"] = float(os.environ["CMT_CELERY_RESTORE_INTERVAL"])
        CELERY_BROKER_TRANSPORT_OPTIONS["unacked_restore_throttle"] = 1
else:
    CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "filesystem://")
    _BROKER_DIR = VAR_DIR / "broker"
    for _sub in ("queue", "processed", "control"):
        (_BROKER_DIR / _sub).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_BROKER_DIR / "queue"),
        "data_folder_out": str(_BROKER_DIR / "queue"),
        "processed_folder": str(_BROKER_DIR / "processed"),
        "store_processed": False,
        "control_folder": str(_BROKER_DIR / "control"),  # else kombu writes its exchange file into the cwd
    }
    CELERY_WORKER_ENABLE_REMOTE_CONTROL = False
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Publishing to a broker that is down must not hang the request: the Effect row is kept and re-sent.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2}
CELERY_TASK_ALWAYS_EAGER = env_bool("CMT_TASKS_EAGER", False)
CELERY_TIMEZONE = TIME_ZONE
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
from common.jobs import beat_schedule  # noqa: E402  (the periodic jobs, each behind a lock)

CELERY_BEAT_SCHEDULE = beat_schedule()
# Effects (common.tasks): exponential backoff base × 2^(n−1) up to the cap, then 后台任务 shows it failed.
EFFECT_RETRY_BASE_SECONDS = float(os.environ.get("CMT_EFFECT_RETRY_BASE_SECONDS", "10"))
EFFECT_RETRY_MAX_DELAY_SECONDS = float(os.environ.get("CMT_EFFECT_RETRY_MAX_DELAY_SECONDS", "3600"))
EFFECT_MAX_ATTEMPTS = int(os.environ.get("CMT_EFFECT_MAX_ATTEMPTS", "8"))
# A worker holds an effect this long; past it (the worker died) another may take it over.
EFFECT_LEASE_SECONDS = float(os.environ.get("CMT_EFFECT_LEASE_SECONDS", "120"))
EFFECT_REQUEUE_AFTER_SECONDS = float(os.environ.get("CMT_EFFECT_REQUEUE_AFTER_SECONDS", "120"))

# --- Cache (rate-limit counters and anything else cached) ---
# Redis when REDIS_URL is set (production, CI: shared by every web process and machine); the embedded run
# keeps one process's cache in memory. CMT_CACHE_URL (redis://…) puts the cache on another Redis than the channel layer.
CACHE_URL = os.environ.get("CMT_CACHE_URL", REDIS_URL)
if CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "common.redis_cache.SharedPoolRedisCache",  # one connection pool per process
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": os.environ.get("CMT_CACHE_KEY_PREFIX", "cmt"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "cmt"}}
# Anonymous board answers kept this many seconds (discovery/board_cache.py; version tokens make a change show
# at once). Only on a shared cache: one process's memory would not hear of another worker's changes.
BOARD_CACHE_SECONDS = int(os.environ.get("CMT_BOARD_CACHE_SECONDS", "20" if CACHE_URL else "0"))

# --- Rate limits (common/ratelimits.py) ---
# name → "COUNT/PERIOD per user|ip|phone, ..."; each may be replaced by the environment variable
# CMT_RATE_LIMIT_<NAME> (e.g. CMT_RATE_LIMIT_CHAT_SEND="60/m per user"). Per-IP rules are generous: many
# mobile users share one carrier address.
_DEFAULT_RATE_LIMITS = {
    "sign_in_wechat": "20/m per ip, 300/h per ip",  # every call costs a WeChat code2session request
    "sign_in_sms": "20/m per ip, 20/h per phone",  # on top of 5 wrong codes per SMS code
    "sms_send": "5/h per phone, 20/h per ip",  # each one is a paid SMS; the 60 s resend gap stays in the service
    "contact": "20/m per user, 100/d per user",  # 联系对方 opens a chat with someone new
    "chat_send": "30/m per user, 1000/d per user",  # REST and WebSocket count together
    "complaint": "10/m per user, 50/d per user",
    "feedback": "10/m per user, 50/d per user",
    "upload": "30/m per user, 120/m per ip",  # the 24-hour file quota (UPLOAD_MAX_FILES_PER_DAY) stays too
    "search": "60/m per user, 120/m per ip",
    "job_application": "10/m per user, 50/d per user",
    "phone_bind": "10/m per user, 50/d per user",  # each WeChat call costs a getuserphonenumber request
}
RATE_LIMITS = {
    name: os.environ.get(f"CMT_RATE_LIMIT_{name.upper()}", spec) for name, spec in _DEFAULT_RATE_LIMITS.items()
}
# Off only for load tests; a refused call answers 429 rate_limited with detail.retry_after.
RATELIMIT_ENABLE = env_bool("CMT_RATE_LIMITS_ENABLED", True)

# --- Personal data encryption (AES-256-GCM) ---
# FIELD_ENCRYPTION_KEYS: "kid:base64key,kid2:base64key"; the first is used to encrypt, all decrypt.
_DEV_FIELD_KEY = base64.b64encode(b"embedded-dev-field-key-32-bytes!").decode()
_raw_keys = os.environ.get("FIELD_ENCRYPTION_KEYS", "")
if not _raw_keys:
    if PRODUCTION:
        raise RuntimeError("FIELD_ENCRYPTION_KEYS must be set in production")
    _raw_keys = f"dev1:{_DEV_FIELD_KEY}"
FIELD_ENCRYPTION_KEYS: list[tuple[str, bytes]] = []
for _pair in _raw_keys.split(","):
    _kid, _, _b64 = _pair.strip().partition(":")
    FIELD_ENCRYPTION_KEYS.append((_kid, base64.b64decode(_b64)))
BLIND_INDEX_KEY = os.environ.get("BLIND_INDEX_KEY", "").encode() or (
    b"" if PRODUCTION else b"embedded-dev-blind-index-key"
)
if not BLIND_INDEX_KEY:
    raise RuntimeError("BLIND_INDEX_KEY must be set in production")

# Behind a reverse proxy that sets X-Real-IP to the caller's address (see README, production).
TRUST_X_REAL_IP = env_bool("CMT_TRUST_X_REAL_IP", False)

# --- Sign-in ---
AUTH_TOKEN_TTL_DAYS = int(os.environ.get("CMT_TOKEN_TTL_DAYS", "30"))
SMS_CODE_TTL_SECONDS = 600
# The resend gap a code's answer promises (``resend_after``); hourly caps are RATE_LIMITS["sms_send"].
SMS_CODE_MIN_INTERVAL_SECONDS = int(os.environ.get("CMT_SMS_MIN_INTERVAL_SECONDS", "60"))
SMS_CODE_MAX_ATTEMPTS = 5
# Dotted path of the SMS sender; the log sender writes the code to the server log (embedded run only).
SMS_SENDER = os.environ.get("CMT_SMS_SENDER", "accounts.sms.LogSmsSender")

# --- WeChat server APIs (a local fake server in tests and in the embedded run) ---
WECHAT_API_BASE = os.environ.get("WECHAT_API_BASE", "http://127.0.0.1:8917")
WECHAT_APP_ID = os.environ.get("WECHAT_APP_ID", "wx-embedded-demo")
WECHAT_APP_SECRET = os.environ.get("WECHAT_APP_SECRET", "embedded-demo-secret")
# WeChat signs its push events (e.g. image-check verdicts) with this token (mini-program console setting).
WECHAT_PUSH_TOKEN = os.environ.get("WECHAT_PUSH_TOKEN", "embedded-push-token")
# Where WeChat fetches images to check: the platform's public origin.
PUBLIC_BASE_URL = os.environ.get("CMT_PUBLIC_BASE_URL", "http://127.0.0.1:8000")
WECHAT_TIMEOUT_SECONDS = float(os.environ.get("WECHAT_TIMEOUT_SECONDS", "5"))
# Template ids of subscription messages, by purpose.
WECHAT_SUBSCRIBE_TEMPLATES = {
    "review_result": os.environ.get("WECHAT_TPL_REVIEW_RESULT", "tpl-review-result"),
    "new_message": os.environ.get("WECHAT_TPL_NEW_MESSAGE", "tpl-new-message"),
    "new_match": os.environ.get("WECHAT_TPL_NEW_MATCH", "tpl-new-match"),
    "application_update": os.environ.get("WECHAT_TPL_APPLICATION", "tpl-application-update"),
    "account_status": os.environ.get("WECHAT_TPL_ACCOUNT_STATUS", "tpl-account-status"),
}

# --- Uploads ---
UPLOAD_MAX_IMAGE_BYTES = 10 * 1024 * 1024
UPLOAD_MAX_IMAGE_PIXELS = 40_000_000
UPLOAD_MAX_VIDEO_BYTES = 100 * 1024 * 1024
UPLOAD_MAX_DOCUMENT_BYTES = 30 * 1024 * 1024
UPLOAD_MAX_FILES_PER_DAY = int(os.environ.get("CMT_UPLOAD_MAX_FILES_PER_DAY", "300"))
# Private files are linked with a short-lived signature, not the bearer token (see uploads/links.py).
UPLOAD_SIGNED_URL_SECONDS = int(os.environ.get("CMT_UPLOAD_SIGNED_URL_SECONDS", "3600"))

# Logs: one JSON object per line in production (CMT_LOG_FORMAT=json), the plain format in development;
# both redact phone numbers, e-mail, ID numbers, tokens and link signatures (common/log_format.py).
LOG_FORMAT = os.environ.get("CMT_LOG_FORMAT", "json" if PRODUCTION else "plain")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {
            "()": "common.log_format.RedactingFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
        },
        "json": {"()": "common.log_format.JsonFormatter"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": os.environ.get("CMT_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # uvicorn's own lines (access log with paths and query strings) in the same format and redaction
        "uvicorn": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # ``make serve-prod`` (``--no-access-log``) sets CMT_ACCESS_LOG_LEVEL=WARNING: this dictionary would
        # otherwise turn uvicorn's access log back on, a formatted line per request.
        "uvicorn.access": {
            "handlers": ["console"],
            "level": os.environ.get("CMT_ACCESS_LOG_LEVEL", "INFO"),
            "propagate": False,
        },
        "uvicorn.error": {"level": "INFO"},
    },
}

# Error reporting (sentry-sdk, or any server speaking its protocol): only when SENTRY_DSN is set.
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    from common.log_format import init_error_reporting

    init_error_reporting(
        dsn=SENTRY_DSN,
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production" if PRODUCTION else "development"),
        release=os.environ.get("SENTRY_RELEASE") or None,
    )

# Legal documents (issue #16 item 2, legal/documents.py): versioned files, and who operates the platform.
# The operator's name, address and contact appear in the user agreement and the privacy policy; the
# defaults say plainly that they are not configured yet.
LEGAL_DOCUMENT_DIRS = [BACKEND_DIR / "legal" / "documents"] + (
    [Path(os.environ["CMT_LEGAL_DOCUMENTS_DIR"])] if os.environ.get("CMT_LEGAL_DOCUMENTS_DIR") else []
)
LEGAL_OPERATOR = {
    "operator_name": os.environ.get("CMT_OPERATOR_NAME", "【未配置运营方名称：部署时设置 CMT_OPERATOR_NAME】"),
    "operator_address": os.environ.get("CMT_OPERATOR_ADDRESS", "【未配置注册地址：CMT_OPERATOR_ADDRESS】"),
    "contact_email": os.environ.get("CMT_CONTACT_EMAIL", "【未配置邮箱：CMT_CONTACT_EMAIL】"),
    "contact_phone": os.environ.get("CMT_CONTACT_PHONE", "【未配置电话：CMT_CONTACT_PHONE】"),
}

if PRODUCTION:  # pragma: no cover - exercised by deployment, not tests
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

from config.unfold import UNFOLD  # noqa: E402,F401  (console theme and navigation)

WHITENOISE_ROOT = H5_DIST_DIR if H5_DIST_DIR.exists() else None
WHITENOISE_INDEX_FILE = True
# The H5 app's own /static/ (logo, tab-bar icons) sits under Django's STATIC_URL. WhiteNoise finds it via
# WHITENOISE_ROOT; Django's StaticFilesHandler (runserver, the tests' live server) only asks the finders.
STATICFILES_DIRS = [H5_DIST_DIR / "static"] if (H5_DIST_DIR / "static").exists() else []
