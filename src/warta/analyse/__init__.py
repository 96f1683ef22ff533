"""Analysis: tokens and sentences, named entities, actors (later: events, quotes, dates)."""
