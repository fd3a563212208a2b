"""Linking articles to race-calendar entries."""

from nlp.linking.races import link_article

__all__ = ["link_article"]
