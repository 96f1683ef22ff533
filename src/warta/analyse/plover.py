"""The PLOVER event ontology of the output contract: its 16 types and the modalities an event can have."""

from __future__ import annotations

__all__ = ["MODALITIES", "PLOVER_TYPES"]

#: The 16 PLOVER event types of the output contract, cooperative to hostile.
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")

#: The contract's modalities: how the text commits to the event.
MODALITIES = ("asserted", "future", "obligation", "hypothetical", "denied-claim")
