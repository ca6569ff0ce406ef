"""A tip shown privately now (`/tip [topic]`, "Another tip"), from the person's own rotation."""

from __future__ import annotations

from collections.abc import Iterable

from bot.content import Content, Tip
from bot.store import Store
from bot.tips.picking import catalogue, tips_on
from bot.tips.rotation import Rotation, user_deck

NO_TIPS = "No tips are loaded yet. Ask whoever runs Service Coach to check `content/tips.toml`."


class UnknownTopic(LookupError):
    def __init__(self, topic: str, topics: tuple[str, ...]) -> None:
        super().__init__(topic)
        self.topic = topic
        self.topics = topics


def tip_for(
    store: Store, content: Content, user: str, topic: str = "", avoid: Iterable[str] = ()
) -> Tip | None:
    """The person's next tip, on `topic` if given; None only when no tips are loaded.
    UnknownTopic when nothing matches the topic."""
    among = None
    if topic.strip():
        found = tips_on(content, topic)
        if not found:
            raise UnknownTopic(topic, content.topics())
        among = [tip.id for tip in found]
    tip_id = Rotation(store).take(user_deck(user), catalogue(content), among=among, avoid=avoid)
    return None if tip_id is None else content.tip(tip_id)
