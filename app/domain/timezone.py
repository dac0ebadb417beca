"""China Standard Time, the one clock of the service: Shandong has no daylight saving, so a fixed
+08:00 offset is exact. Working days, deadlines and "today" are all read on this clock."""
from __future__ import annotations

from datetime import timedelta, timezone

CHINA_TZ = timezone(timedelta(hours=8))
