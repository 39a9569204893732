"""Find the quotes in a short article, say who said each one, and print one quote as JSON."""

import json

from quoteattr import extract

ARTICLE = """Library to open two days a week

"We have no choice," said Ann Teague, the council leader. "The money has run out."

Readers called the decision 'a disgrace'. A petition headed "Keep Our Library" has 900 names.

Share this article
"""

article = extract(ARTICLE)
for quote in article.quotes:
    speaker = quote.speaker.name if quote.speaker else "unknown"
    print(f"{quote.kind:8} {speaker:15} {quote.confidence:.2f}  {quote.text}")

if article.quotes:
    print(json.dumps(article.quotes[0].to_dict(), indent=2, ensure_ascii=False))
