"""The PLOVER taxonomy as event coding uses it (not words: the same for every language)."""
from __future__ import annotations

# Types that are cooperation: an intention to do them is AGREE, a refusal REJECT
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
MATERIAL_CONFLICT = frozenset({"SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})

# a drone-only attack is mode "drone"; drones with missiles or aircraft are "aerial"
MODE_ORDER: dict[str, tuple[str, ...]] = {
    "ASSAULT": ("unconventional", "suicide-attack", "crowd-control", "aerial", "drone",
                "explosives", "heavy-weapons", "firearms",
                "assassinate", "torture", "massacre", "execute", "sexual", "beat", "primitive"),
}
