from wattwijs.pathways.tests.conftest import pw

__all__ = ["pw"]
