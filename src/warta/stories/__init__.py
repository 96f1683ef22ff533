"""Stories: near-duplicates, story clusters over a stream, events merged across reports,
per-story summaries and dyad time series. Works on stored articles (see ``warta.store``)."""
