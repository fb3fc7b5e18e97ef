"""`briefings fetch`: article pages and feeds from the web into content/. download.py is the
polite HTTP client, feeds.py reads feeds, store.py knows what content/ holds and writes new
files whole, run.py is one run; each page is read by briefings/webpage."""
