"""Linking articles to race-calendar entries."""

from nlp.linking.link import LINK_THRESHOLD, link_article

__all__ = ["LINK_THRESHOLD", "link_article"]
