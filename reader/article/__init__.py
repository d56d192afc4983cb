"""The article core: model, loaders for every input form, sentences, summaries. No Textual here."""

from reader.article.decode import MAX_ARTICLE_BYTES
from reader.article.errors import ArticleError
from reader.article.load import load_article, load_article_facts, parse_article
from reader.article.model import Article, ArticleFacts, Paragraph, Sentence
from reader.article.summary import ArticleSummary, iter_article_files, summarize

__all__ = [
    "MAX_ARTICLE_BYTES",
    "Article",
    "ArticleError",
    "ArticleFacts",
    "ArticleSummary",
    "Paragraph",
    "Sentence",
    "iter_article_files",
    "load_article",
    "load_article_facts",
    "parse_article",
    "summarize",
]
