"""Articles from the web: saved pages and fetched URLs become articles (page.py), downloaded
politely (fetch.py), found through feeds (feeds.py) and written into content/ (store.py)."""
