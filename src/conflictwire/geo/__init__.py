"""Geocoding: an offline gazetteer index and the geocoder over it.

Public surface used by other stages:
* ``get_geocoder()`` -> the process-wide ``Geocoder`` (lazy, loaded once);
* ``Geocoder.geoparse(text)`` -> every place mention with its resolved ``Place``;
* ``Geocoder.locate(text, start, end, mentions)`` -> the ``EventLocation`` of the event told in
  ``text[start:end]`` (place, ACLED precision, location text);
* ``country_info(name_or_code)`` -> ISO numeric code and ACLED region of a country.
"""

from conflictwire.geo.geocoder import Geocoder, country_info, get_geocoder

__all__ = ["Geocoder", "country_info", "get_geocoder"]
