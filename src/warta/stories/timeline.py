"""Dyad time series: merged events between two actors or states per day, week or month, with
cooperation and conflict kept apart, as a table and as a chart (PNG and a self-contained HTML page).

Every count is of merged events (one real-world event reported by ten outlets counts once). An event
is cooperative when its intensity is above zero and conflictual when below (the intensity table of
``docs/events.md``); the sums of intensity show how strong each side was.
"""

from __future__ import annotations

import datetime as dt
import html
import io
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["Period", "Timeline", "build_timeline", "period_start", "write_charts", "BY"]

BY = ("day", "week", "month")


def period_start(day: dt.date, by: str) -> dt.date:
    if by == "day":
        return day
    if by == "week":
        return day - dt.timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    raise ValueError(f"by must be one of {', '.join(BY)}, got {by!r}")


def _next(day: dt.date, by: str) -> dt.date:
    if by == "day":
        return day + dt.timedelta(days=1)
    if by == "week":
        return day + dt.timedelta(days=7)
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def _label(day: dt.date, by: str) -> str:
    if by == "month":
        return day.strftime("%Y-%m")
    if by == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return day.isoformat()


@dataclass
class Period:
    start: dt.date
    label: str
    events: int = 0
    cooperation: int = 0
    conflict: int = 0
    neutral: int = 0
    cooperation_intensity: float = 0.0
    conflict_intensity: float = 0.0
    a_to_b: int = 0
    b_to_a: int = 0
    event_ids: list[str] = field(default_factory=list)

    @property
    def net(self) -> float:
        return round(self.cooperation_intensity + self.conflict_intensity, 2)

    def to_dict(self) -> dict[str, Any]:
        return {"period": self.label, "start": self.start.isoformat(), "events": self.events,
                "cooperation": self.cooperation, "conflict": self.conflict, "neutral": self.neutral,
                "cooperation_intensity": round(self.cooperation_intensity, 2),
                "conflict_intensity": round(self.conflict_intensity, 2), "net_intensity": self.net,
                "a_to_b": self.a_to_b, "b_to_a": self.b_to_a, "event_ids": self.event_ids}


@dataclass
class Timeline:
    a: str
    b: str
    by: str
    periods: list[Period]

    @property
    def total(self) -> int:
        return sum(p.events for p in self.periods)

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "by": self.by, "events": self.total,
                "cooperation": sum(p.cooperation for p in self.periods),
                "conflict": sum(p.conflict for p in self.periods),
                "periods": [p.to_dict() for p in self.periods]}


def _matches(side: dict[str, Any] | None, who: str) -> bool:
    if not side:
        return False
    return who.upper() == (side.get("country") or "") or who == (side.get("actor") or "") \
        or (len(who) > 3 and who.casefold() in (side.get("text") or "").casefold())


def build_timeline(events: list[dict[str, Any]], a: str, b: str, *, by: str = "month") -> Timeline:
    """Bucket merged events (``merged_record`` dicts) between ``a`` and ``b`` (either direction).

    Periods run without gaps from the first event to the last, empty ones with zeros, so the series can
    be plotted and compared as it is.
    """
    if by not in BY:
        raise ValueError(f"by must be one of {', '.join(BY)}, got {by!r}")
    buckets: dict[dt.date, Period] = {}
    pending: Counter[tuple] = Counter()
    for event in events:
        forward = _matches(event.get("source"), a) and _matches(event.get("target"), b)
        backward = _matches(event.get("source"), b) and _matches(event.get("target"), a)
        date = event.get("date") or event.get("first_reported")
        if not (forward or backward) or not date:
            continue
        day = dt.date.fromisoformat(date[:10] if len(date) >= 10 else f"{date[:7]}-01")
        start = period_start(day, by)
        period = buckets.setdefault(start, Period(start=start, label=_label(start, by)))
        # a mutual action (a call, a meeting, an agreement) is coded both ways: A->B and B->A of the same
        # type, date and story are one event, counted once and in both directions
        key = (event.get("story_id"), event.get("type"), date, event.get("negated"), event.get("modality"))
        direction, opposite = ("ab", "ba") if forward else ("ba", "ab")
        if pending[key, opposite]:
            pending[key, opposite] -= 1
            period.event_ids.append(event["id"])
            period.a_to_b += forward
            period.b_to_a += not forward
            continue
        pending[key, direction] += 1
        period.events += 1
        period.event_ids.append(event["id"])
        intensity = float(event.get("intensity") or 0.0)
        if intensity > 0:
            period.cooperation += 1
            period.cooperation_intensity += intensity
        elif intensity < 0:
            period.conflict += 1
            period.conflict_intensity += intensity
        else:
            period.neutral += 1
        period.a_to_b += forward
        period.b_to_a += backward and not forward
    periods: list[Period] = []
    if buckets:
        day, last = min(buckets), max(buckets)
        while day <= last:
            periods.append(buckets.get(day) or Period(start=day, label=_label(day, by)))
            day = _next(day, by)
    return Timeline(a=a, b=b, by=by, periods=periods)


def _figure(timeline: Timeline):
    import matplotlib

    matplotlib.use("Agg", force=True)
    from matplotlib import pyplot as plt

    labels = [p.label for p in timeline.periods]
    xs = range(len(labels))
    fig, ax = plt.subplots(figsize=(max(6.0, 0.45 * len(labels) + 2), 4.2), dpi=110)
    ax.bar(xs, [p.cooperation_intensity for p in timeline.periods], color="#2f7d4f", label="cooperation")
    ax.bar(xs, [p.conflict_intensity for p in timeline.periods], color="#b8322a", label="conflict")
    ax.plot(xs, [p.net for p in timeline.periods], color="#222222", marker="o", linewidth=1.2, label="net")
    ax.axhline(0, color="#888888", linewidth=0.8)
    ax.set_xticks(list(xs))
    ax.set_xticklabels(labels, rotation=60 if len(labels) > 6 else 0, ha="right" if len(labels) > 6 else "center",
                       fontsize=8)
    ax.set_ylabel("sum of intensity (merged events)")
    ax.set_title(f"{timeline.a} – {timeline.b} by {timeline.by}: {timeline.total} merged events")
    ax.legend(loc="upper left", fontsize=8, frameon=False)
    fig.tight_layout()
    return fig, plt


def write_charts(timeline: Timeline, out_dir: str | Path, *, stem: str | None = None) -> dict[str, Path]:
    """Write ``<stem>.png`` and ``<stem>.html`` (chart inline as SVG, plus the table); returns the paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    stem = stem or f"timeline-{_safe(timeline.a)}-{_safe(timeline.b)}-{timeline.by}"
    fig, plt = _figure(timeline)
    png = out / f"{stem}.png"
    fig.savefig(png)
    svg = io.StringIO()
    fig.savefig(svg, format="svg")
    plt.close(fig)
    page = out / f"{stem}.html"
    page.write_text(_html(timeline, svg.getvalue()), encoding="utf-8")
    return {"png": png, "html": page}


def _safe(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in name)[:40] or "x"


def _html(timeline: Timeline, svg: str) -> str:
    esc = html.escape
    rows = "\n".join(
        f"<tr><td>{esc(p.label)}</td><td>{p.events}</td><td>{p.cooperation}</td><td>{p.conflict}</td>"
        f"<td>{p.cooperation_intensity:+.1f}</td><td>{p.conflict_intensity:+.1f}</td><td>{p.net:+.1f}</td>"
        f"<td>{p.a_to_b}</td><td>{p.b_to_a}</td><td class=ids>{esc(' '.join(p.event_ids))}</td></tr>"
        for p in timeline.periods)
    svg_body = svg[svg.find("<svg"):] if "<svg" in svg else ""
    title = f"{timeline.a} – {timeline.b} by {timeline.by}"
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>warta: {esc(title)}</title>
<style>body{{font-family:sans-serif;margin:2em;color:#222}}table{{border-collapse:collapse}}
td,th{{border:1px solid #ccc;padding:3px 8px;text-align:right}}td:first-child,th:first-child{{text-align:left}}
td.ids{{text-align:left;font-family:monospace;font-size:11px;color:#555}}svg{{max-width:100%;height:auto}}</style>
</head><body>
<h1>{esc(title)}</h1>
<p>{timeline.total} merged events (one real-world event reported by several outlets counts once).
Cooperation: intensity &gt; 0; conflict: intensity &lt; 0. Event ids open with <code>warta events --id ID</code>.</p>
{svg_body}
<table><thead><tr><th>period</th><th>events</th><th>coop.</th><th>conflict</th><th>coop. intensity</th>
<th>conflict intensity</th><th>net</th><th>{esc(timeline.a)}→{esc(timeline.b)}</th><th>{esc(timeline.b)}→{esc(timeline.a)}</th>
<th>merged event ids</th></tr></thead>
<tbody>
{rows}
</tbody></table>
</body></html>
"""
