"""Site search beyond Material's: the words staff use (synonyms, ignored question words) and the
published index the browser worker (docs/assets/javascripts/workers/shuniu-search.js) searches."""
