{#- search.json as a script: a page opened from disk (file://) may not fetch() a file, but it
    may load a script. -#}
window.BRIEFINGS_SEARCH_INDEX = {{ search_index() }};
