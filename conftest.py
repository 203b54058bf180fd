pytest_plugins = ["common.testing", "accounts.tests.fixtures"]
