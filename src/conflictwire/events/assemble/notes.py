"""A one-sentence ACLED-style summary of an event."""

from __future__ import annotations

import datetime as dt

from conflictwire.records import Event

__all__ = ["write_note"]

_VERBS = {
    "Armed clash": "clashed with",
    "Government regains territory": "regained control of territory from",
    "Non-state actor overtakes territory": "took control of territory from",
    "Chemical weapon": "used chemical weapons against",
    "Air/drone strike": "carried out an air/drone strike against",
    "Suicide bomb": "carried out a suicide bombing against",
    "Shelling/artillery/missile attack": "shelled or fired missiles at",
    "Remote explosive/landmine/IED": "detonated an explosive against",
    "Grenade": "threw a grenade at",
    "Sexual violence": "committed sexual violence against",
    "Attack": "attacked",
    "Abduction/forced disappearance": "abducted",
    "Peaceful protest": "demonstrated against",
    "Protest with intervention": "demonstrated and were met by",
    "Excessive force against protesters": "faced excessive force from",
    "Violent demonstration": "rioted against",
    "Mob violence": "committed mob violence against",
    "Agreement": "reached an agreement with",
    "Arrests": "arrested",
    "Change to group/activity": "changed activity facing",
    "Disrupted weapons use": "disrupted weapons use by",
    "Headquarters or base established": "established a base facing",
    "Looting/property destruction": "looted or destroyed property of",
    "Non-violent transfer of territory": "took over territory without fighting from",
    "Other": "was involved in an incident with",
}


def _day(iso: str, precision: int | None) -> str:
    """ACLED's way of writing a day: "26 June 2022", "around 19 June 2022 (week of)"."""
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    text = f"{day.day} {day:%B %Y}"
    if precision == 2:
        return f"around {text} (week of)"
    if precision == 3:
        return f"in {day:%B %Y}"
    return text


def write_note(event: Event) -> str:
    """ "On 2022-06-26, Military Forces of Russia shelled ... in Kyiv (Kyiv City). 2 fatalities."""
    when = ""
    if event.event_date:
        day = _day(event.event_date, event.time_precision)
        when = f"{day[0].upper()}{day[1:]}, " if day.startswith(("around", "in")) else f"On {day}, "
    who = event.actor1 or "Unidentified actors"
    verb = _VERBS.get(event.sub_event_type, "were involved in")
    whom = event.actor2 or ""
    if not whom:
        verb = (
            verb.rsplit(" ", 1)[0]
            if verb.endswith((" with", " against", " at", " from", " of", " by", " facing"))
            else verb
        )
    where = event.location or event.location_text or event.country
    place = f" in {where}" if where else ""
    if event.admin1 and event.location and event.admin1 != event.location:
        place += f" ({event.admin1})"
    toll = f" {event.fatalities} fatalities." if event.fatalities else " No fatalities reported."
    sentence = " ".join(p for p in (f"{when}{who}", verb, whom) if p).strip()
    return f"{sentence}{place}.{toll}"
