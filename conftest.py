pytest_plugins = ["common.testing", "accounts.tests.fixtures", "moderation.tests.fixtures"]
