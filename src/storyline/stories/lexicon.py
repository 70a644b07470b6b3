"""Word lists for the story layer, keyed by language (English first).

``STOPWORDS`` are dropped from the text-similarity vectors (not from the near-duplicate
shingles): the scikit-learn English list plus newswire filler ("said", "according", "mr").
"""
from __future__ import annotations

STOPWORDS: dict[str, frozenset[str]] = {"en": frozenset({
    'a', 'about', 'above', 'according', 'across', 'after', 'afterwards', 'again', 'against',
    'all', 'almost', 'alone', 'along', 'already', 'also', 'although', 'always', 'am', 'among',
    'amongst', 'amoungst', 'amount', 'an', 'and', 'another', 'any', 'anyhow', 'anyone',
    'anything', 'anyway', 'anywhere', 'are', 'around', 'as', 'asked', 'at', 'back', 'be',
    'became', 'because', 'become', 'becomes', 'becoming', 'been', 'before', 'beforehand',
    'behind', 'being', 'below', 'beside', 'besides', 'between', 'beyond', 'bill', 'both',
    'bottom', 'but', 'by', 'call', 'can', 'cannot', 'cant', 'co', 'con', 'could', 'couldnt',
    'cry', 'day', 'de', 'describe', 'detail', 'did', 'didn', 'do', 'does', 'don', 'done', 'down',
    'dr', 'due', 'during', 'each', 'eg', 'eight', 'either', 'eleven', 'else', 'elsewhere',
    'empty', 'enough', 'etc', 'even', 'ever', 'every', 'everyone', 'everything', 'everywhere',
    'except', 'few', 'fifteen', 'fifty', 'fill', 'find', 'fire', 'first', 'five', 'for',
    'former', 'formerly', 'forty', 'found', 'four', 'from', 'front', 'full', 'further', 'get',
    'give', 'go', 'going', 'got', 'had', 'has', 'hasnt', 'have', 'he', 'hence', 'her', 'here',
    'hereafter', 'hereby', 'herein', 'hereupon', 'hers', 'herself', 'him', 'himself', 'his',
    'how', 'however', 'hundred', 'i', 'ie', 'if', 'in', 'inc', 'including', 'indeed', 'interest',
    'into', 'is', 'it', "it's", 'its', 'itself', 'just', 'keep', 'last', 'latter', 'latterly',
    'least', 'less', 'like', 'll', 'ltd', 'made', 'make', 'many', 'may', 'me', 'meanwhile',
    'might', 'mill', 'mine', 'more', 'moreover', 'most', 'mostly', 'move', 'mr', 'mrs', 'ms',
    'much', 'must', 'my', 'myself', 'name', 'namely', 'neither', 'never', 'nevertheless', 'new',
    'news', 'next', 'nine', 'no', 'nobody', 'none', 'noone', 'nor', 'not', 'nothing', 'now',
    'nowhere', 'of', 'off', 'often', 'on', 'once', 'one', 'only', 'onto', 'or', 'other',
    'others', 'otherwise', 'our', 'ours', 'ourselves', 'out', 'over', 'own', 'part', 'people',
    'per', 'percent', 'perhaps', 'please', 'put', 'rather', 're', 'report', 'reported',
    'reports', 's', 'said', 'same', 'say', 'saying', 'says', 'see', 'seem', 'seemed', 'seeming',
    'seems', 'serious', 'several', 'she', 'should', 'show', 'side', 'since', 'sincere', 'six',
    'sixty', 'so', 'some', 'somehow', 'someone', 'something', 'sometime', 'sometimes',
    'somewhere', 'still', 'such', 'system', 't', 'take', 'tell', 'ten', 'than', 'that', 'the',
    'their', 'them', 'themselves', 'then', 'thence', 'there', 'thereafter', 'thereby',
    'therefore', 'therein', 'thereupon', 'these', 'they', 'thick', 'thin', 'third', 'this',
    'those', 'though', 'three', 'through', 'throughout', 'thru', 'thus', 'time', 'to',
    'together', 'told', 'too', 'top', 'toward', 'towards', 'twelve', 'twenty', 'two', 'un',
    'under', 'until', 'up', 'upon', 'us', 've', 'very', 'via', 'want', 'was', 'we', 'week',
    'well', 'were', 'what', 'whatever', 'when', 'whence', 'whenever', 'where', 'whereafter',
    'whereas', 'whereby', 'wherein', 'whereupon', 'wherever', 'whether', 'which', 'while',
    'whither', 'who', 'whoever', 'whole', 'whom', 'whose', 'why', 'will', 'with', 'within',
    'without', 'would', 'year', 'years', 'yet', 'you', 'your', 'yours', 'yourself', 'yourselves',
})}

# Words at the front of a name that are not part of the name's identity ("the", titles).
NAME_DROP: dict[str, frozenset[str]] = {"en": frozenset({
    "the", "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "president", "prime",
    "minister", "senator", "governor", "general", "secretary", "rev", "sir", "lord", "lady",
    "jr", "sr", "ii", "iii",
})}

# Sentence cues used by the extractive summary to prefer reported facts over background.
SUMMARY_CUES: dict[str, frozenset[str]] = {"en": frozenset({
    "said", "says", "announced", "killed", "died", "arrested", "reported", "according",
    "confirmed", "revealed", "told", "attack", "shot", "launched", "agreed",
})}
