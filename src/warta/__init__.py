"""warta: Indonesian-first news understanding.

>>> import warta
>>> doc = warta.analyze("path/or/text")
>>> doc.to_dict()["text"]
"""

from .api import analyze, analyze_many, build_pipeline
from .document import Document
from .pipeline import Pipeline
from .settings import Settings

__version__ = "0.1.0"
__all__ = ["analyze", "analyze_many", "build_pipeline", "Document", "Pipeline", "Settings", "__version__"]
