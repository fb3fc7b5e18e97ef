"""Weights of the key-point scorer (keypoints.score), in places of rank: plain data, written
by `.venv/bin/python bench/keypoints_cv.py --write`; do not edit by hand.

Chosen on all 125 articles of ../shared/eval/keypoints/dev.jsonl from a grid, as the point
whose mean ROUGE-1/2/Lsum (with its grid neighbours') is best; there the key points score
ROUGE-1/2/Lsum 41.53/19.21/37.78.
"""

UNSPECIFIC = 1.0  # places lost by a sentence naming no participant and giving no figure
CENTRALITY = 0.6  # places gained per standard deviation of lexical centrality
