"""Who published an article: one public entry, :func:`extract_outlet`.

The rooms of this package, in the order the evidence is read:

* ``decide.py``     the decision: the rules' ordered evidence, then scoring.py
* ``scoring.py``    the rules' choice and every name the site gives of itself, scored by learned weights
* ``candidates.py`` those names: title's site part, copyright holder, prompts, its domain written out
* ``registry.py``   the registry of outlets and agencies (data/outlets.yml): names, aliases, hosts
* ``named.py``      registry outlets the text names (bylines, copyright, self-reference, wire datelines, credits)
* ``names.py``      the name a page gives its own site (title's site part, logo, copyright holder, self-names)
* ``sites.py``      the site a page's own addresses point at, and its spelling of the site's name
* ``parents.py``    a parent company's brand, and an outlet the furniture prompts about
* ``signatures.py`` furniture characteristic of one outlet (a guess, tier ``inferred``)
* ``lines.py``      the lines of one document, read once for every kind of evidence

Other rooms look names up in ``registry.py`` (``outlet_by_name``,
``canonical_outlet_name``) and domains in ``sites.py`` (``registrable_domain``).
"""

from generator.extract.outlets.decide import extract_outlet

__all__ = ["extract_outlet"]
