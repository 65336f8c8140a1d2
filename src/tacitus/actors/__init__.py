"""Actor resolution: noun phrases -> canonical parties, and references back to them.

The dictionaries are the PETRARCH2/Phoenix actor and agent files (converted by
``scripts/convert_phoenix.py``) plus curated entries for the armed groups and institutions of
recent news; see ``tacitus/resources/actors/``.
"""

from tacitus.actors.coref import is_reference, resolve_reference
from tacitus.actors.localise import localise_parties
from tacitus.actors.resolve import ActorResolver, Resolution, get_resolver

__all__ = [
    "ActorResolver", "Resolution", "get_resolver", "is_reference", "localise_parties",
    "resolve_reference",
]
