"""quoteattr: find the quotations in news text, who said them, and exactly where they are.

>>> import quoteattr
>>> article = quoteattr.extract('"It is done," she said.')
>>> article.quotes[0].text
'It is done,'
"""

from .config import Config
from .model import Article, Attribution, Cue, Quote, Span, Speaker
from .pipeline import extract

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Attribution",
    "Config",
    "Cue",
    "Quote",
    "Span",
    "Speaker",
    "__version__",
    "extract",
]
