"""Treaty Reports: Kazakhstan's international-treaty reporting as data, checks and a site."""

__version__ = "0.1.0"
