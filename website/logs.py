"""One JSON object per log line, for the request log (``website.requests``)."""

import json
import logging
from datetime import UTC, datetime


class JsonFormatter(logging.Formatter):
    """The record's time (UTC, ISO 8601), level, logger, message and the fields passed
    as ``extra={"request": {...}}``, as one line of JSON."""

    def format(self, record):
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        line.update(getattr(record, "request", {}))
        if record.exc_info:
            line["error"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False)
