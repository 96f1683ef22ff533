"""Story clustering over a stream of articles in time order.

Each article joins the most similar open story (cosine of its feature vector with the story's centroid)
when the similarity reaches a threshold and the article's date lies within the story's time span widened
by a window; otherwise it starts a new story. A story can therefore grow for weeks, one step of at most
``window_days`` at a time, while two stories about the same pair of states months apart stay apart.

The clusterer is incremental: its state (each open story's centroid, span and size) is what the store
keeps, so ingesting new articles loads the stories still open around their dates, adds the articles,
and never recomputes the rest. Stories that ended more than a window before the newest date processed
are retired from memory, so memory stays bounded on a long stream.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from .features import StoryItem, Vector, add_into, cosine, top_terms, vectorise

__all__ = ["Story", "Clusterer", "Assignment", "story_id_for", "DEFAULT_THRESHOLD", "DEFAULT_WINDOW_DAYS"]

DEFAULT_THRESHOLD = 0.20
DEFAULT_WINDOW_DAYS = 7
_CENTROID_TERMS = 400
_INDEX_TERMS = 40
_QUERY_TERMS = 40


def story_id_for(first_article_id: str) -> str:
    """A story's id: stable, from the id of the article that started it."""
    return f"s{first_article_id[:15]}"


@dataclass
class Story:
    """An open story as the clusterer keeps it."""

    id: str
    centroid: Vector = field(default_factory=dict)  # sum of member vectors, heaviest terms only
    start: dt.date | None = None
    end: dt.date | None = None
    size: int = 0
    _norm: float | None = field(default=None, repr=False)

    @property
    def norm(self) -> float:
        if self._norm is None:
            self._norm = math.sqrt(sum(v * v for v in self.centroid.values()))
        return self._norm

    def add(self, vector: Vector, date: dt.date | None) -> None:
        add_into(self.centroid, vector)
        if len(self.centroid) > 2 * _CENTROID_TERMS:
            self.centroid = top_terms(self.centroid, _CENTROID_TERMS)
        self._norm = None
        self.size += 1
        if date is not None:
            self.start = date if self.start is None else min(self.start, date)
            self.end = date if self.end is None else max(self.end, date)

    def to_state(self) -> dict:
        return {"centroid": top_terms(self.centroid, _CENTROID_TERMS), "size": self.size}


@dataclass
class Assignment:
    article_id: str
    story_id: str
    score: float  # similarity to the story when joined; 1.0 for the article that started it
    new_story: bool


class Clusterer:
    """Single-pass, time-windowed, centroid clustering of :class:`StoryItem` s."""

    def __init__(self, *, threshold: float = DEFAULT_THRESHOLD, window_days: int = DEFAULT_WINDOW_DAYS) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], got {threshold}")
        if window_days < 0:
            raise ValueError(f"window_days must be >= 0, got {window_days}")
        self.threshold = threshold
        self.window = dt.timedelta(days=window_days)
        self.stories: dict[str, Story] = {}
        self._index: dict[str, set[str]] = {}
        self._latest: dt.date | None = None

    # -- state -------------------------------------------------------------------------------

    def load(self, story: Story) -> None:
        """Open an existing story (from the store) so that new articles can join it."""
        self.stories[story.id] = story
        self._index_story(story)

    def _index_story(self, story: Story) -> None:
        for term in top_terms(story.centroid, _INDEX_TERMS):
            self._index.setdefault(term, set()).add(story.id)

    def retire(self, before: dt.date) -> list[Story]:
        """Drop stories that ended before ``before`` from memory; returns them."""
        gone = [s for s in self.stories.values() if s.end is not None and s.end < before]
        for story in gone:
            del self.stories[story.id]
        if gone:
            ids = {s.id for s in gone}
            for term in list(self._index):
                members = self._index[term] - ids
                if members:
                    self._index[term] = members
                else:
                    del self._index[term]
        return gone

    # -- clustering --------------------------------------------------------------------------

    def _open_for(self, story: Story, date: dt.date | None) -> bool:
        if date is None or story.start is None or story.end is None:
            return True
        return story.start - self.window <= date <= story.end + self.window

    def best_story(self, vector: Vector, date: dt.date | None) -> tuple[Story | None, float]:
        candidates: set[str] = set()
        for term in top_terms(vector, _QUERY_TERMS):
            candidates |= self._index.get(term, set())
        best, best_score = None, 0.0
        for story_id in sorted(candidates):
            story = self.stories.get(story_id)
            if story is None or not self._open_for(story, date):
                continue
            score = cosine(vector, story.centroid, story.norm)
            if score > best_score:
                best, best_score = story, score
        return best, best_score

    def add(self, item: StoryItem, *, vector: Vector | None = None, join: str | None = None) -> Assignment:
        """Place one article; ``join`` forces a story (a near-duplicate joins its original's story)."""
        vector = vectorise(item) if vector is None else vector
        date = item.date if isinstance(item.date, dt.date) else None
        story, score, new = None, 1.0, False
        if join is not None and join in self.stories:
            story = self.stories[join]
            score = cosine(vector, story.centroid, story.norm)
        else:
            story, score = self.best_story(vector, date)
            if story is None or score < self.threshold:
                story = Story(id=story_id_for(item.id))
                while story.id in self.stories:  # two articles whose ids share 15 characters
                    story.id += "x"
                self.stories[story.id] = story
                score, new = 1.0, True
        story.add(vector, date)
        self._index_story(story)
        if date is not None and (self._latest is None or date > self._latest):
            self._latest = date
        return Assignment(item.id, story.id, round(score, 4), new)

    def run(self, items: Iterable[StoryItem], *, retire_every: int = 500) -> list[Assignment]:
        """Cluster items (sorted here by date, undated last, then id) and return their assignments."""
        ordered = sorted(items, key=lambda it: (it.date is None, it.date or dt.date.min, it.id))
        out = []
        for n, item in enumerate(ordered, 1):
            out.append(self.add(item))
            if n % retire_every == 0 and self._latest is not None:
                self.retire(self._latest - 2 * self.window)
        return out
