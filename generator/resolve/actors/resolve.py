"""Resolution: one :class:`Actor` per real-world entity across the archive.

Every spelling of every article is a node; nodes merge when something proves them
one actor (see :func:`resolve_actors`), and the archivist's decisions
(``seeds/actors.yml``, read by :mod:`~generator.resolve.actors.decisions`) always win.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from generator.model import Actor, ActorType, Mention
from generator.resolve.actors.decisions import ActorDecisions
from generator.resolve.actors.gazetteer import ACTOR_TYPES, GazetteerEntry, gazetteer_by_name
from generator.resolve.actors.names import (
    are_same_person,
    compose_person_name,
    core_keys,
    generation,
    fold_name,
    role_key,
    same_token,
    split_name,
    surname_key,
)
from generator.text import UnionFind, slugify, suffix_until_free


@dataclass(frozen=True)
class _Node:
    """One spelling of one type in one article (a bare surname's meaning is local)."""

    article: str
    surface: str
    type: ActorType
    hint: str | None
    count: int
    office: str | None = None  # the role's office (names.role_key): "President Trump" -> "president"

    @property
    def name(self) -> str:
        return self.hint or self.surface

    @cached_property
    def listed(self) -> GazetteerEntry | None:
        return gazetteer_by_name().get(fold_name(self.hint)) if self.hint else None

    @cached_property
    def full_person(self) -> bool:
        return self.type == "person" and self.listed is None and len(split_name(self.name)) >= 2

    @cached_property
    def bare_person(self) -> bool:
        return self.type == "person" and self.listed is None and len(split_name(self.name)) == 1


class _Clusters:
    """The nodes in sets of one actor each (a :class:`UnionFind` of node indices),
    refusing unions the archivist forbade (``split`` / ``never_merge`` pairs)."""

    def __init__(self, nodes: Sequence[_Node], split: Sequence[tuple[str, str]]):
        self.nodes = nodes
        self.sets: UnionFind[int] = UnionFind(range(len(nodes)))
        self.split = [(fold_name(a), fold_name(b)) for a, b in split]

    def find(self, i: int) -> int:
        return self.sets.find(i)

    def members(self, i: int) -> list[int]:
        return self.sets.members(i)

    def roots(self) -> list[int]:
        return self.sets.roots()

    def names(self, i: int) -> set[str]:
        return {fold_name(n) for k in self.members(i) for n in (self.nodes[k].surface, self.nodes[k].name)}

    def forbidden(self, i: int, j: int) -> bool:
        if not self.split:
            return False
        a, b = self.names(i), self.names(j)
        return any((x in a and y in b) or (x in b and y in a) for x, y in self.split)

    def union(self, i: int, j: int, force: bool = False) -> bool:
        """Join the sets of ``i`` and ``j`` unless a forbidden pair would end up in one
        (``force``: join anyway, as the archivist's ``merge`` does); ``False`` if refused."""
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return True
        if not force and self.split and self.forbidden(ri, rj):
            return False
        self.sets.union(ri, rj)
        return True


def resolve_actors(
    mentions_by_article: Mapping[str, Sequence[Mention]],
    decisions: ActorDecisions | None = None,
) -> tuple[tuple[Actor, ...], dict[str, tuple[str, ...]]]:
    """One actor per real-world entity across the archive, and each article's actors.

    Spellings merge when the gazetteer lists them under one name, when they fold to
    the same name, when two full personal names agree on surname and on given name
    or a second word (fuzzy, for transliterations), when an acronym is defined as a
    name, or when a short organisation name sits inside exactly one longer one. A
    bare surname resolves to the one full name sharing it in its own article, else in
    the archive; one that stays unresolved (two people bear it, or none) gets no actor:
    the Review page lists it (:func:`generator.publish.review`). Decisions then merge, rename, retype,
    describe and drop, and their never-merge pairs are never crossed.

    Returns the actors sorted by id and, for each article id, its actor ids by
    prominence (mentions, then name).
    """
    decisions = decisions or ActorDecisions()
    nodes = _nodes(mentions_by_article)
    clusters = _Clusters(nodes, decisions.split)
    _merge_same_names(clusters)
    _merge_person_variants(clusters)
    _merge_name_fronts(clusters)
    _merge_short_org_names(clusters)
    _merge_bare_surnames(clusters)
    for group in decisions.merge:
        matched = [r for r in clusters.roots() if any(_refers_to(clusters, r, n) for n in group)]
        for r in matched[1:]:
            clusters.union(matched[0], r, force=True)
    return _build_actors(clusters, mentions_by_article, decisions)


def _nodes(mentions_by_article: Mapping[str, Sequence[Mention]]) -> list[_Node]:
    counts: Counter[tuple[str, str, str, str | None, str | None]] = Counter()
    for article in sorted(mentions_by_article):
        for m in mentions_by_article[article]:
            office = role_key(m.role) if m.type == "person" else None
            counts[(article, m.surface, m.type, m.canonical_hint, office)] += m.count
    return [
        _Node(a, s, t, h, c, o)  # type: ignore[arg-type]
        for (a, s, t, h, o), c in sorted(
            counts.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2], kv[0][3] or "", kv[0][4] or "")
        )
    ]


def _identity(node: _Node) -> tuple[str, ...] | None:
    """A key that alone proves two nodes one actor; ``None`` for bare surnames."""
    listed = node.listed
    if listed is not None:
        return ("listed", listed.name)
    by_name = gazetteer_by_name().get(fold_name(node.name))
    if by_name is not None and by_name.type == node.type:
        return ("listed", by_name.name)
    if node.bare_person:
        return None
    if node.type == "person":
        return ("person", *core_keys(node.name), generation(node.name) or "")
    return (node.type, fold_name(node.name).removeprefix("the "))


def _merge_same_names(clusters: _Clusters) -> None:
    first: dict[tuple[str, ...], int] = {}
    for i, node in enumerate(clusters.nodes):
        for key in (_identity(node), _earlier_identity(node), _joined_identity(node)):
            if key is None:
                continue
            if key in first:
                clusters.union(first[key], i)
            else:
                first[key] = i


def _joined_identity(node: _Node) -> tuple[str, ...] | None:
    """A full name with its hyphens and spaces taken out: "Kim Jong-un" is "Kim Jong Un"."""
    if not node.full_person:
        return None
    keys = core_keys(node.name)
    joined = "".join(keys).replace("-", "")
    return ("person-joined", joined, generation(node.name) or "") if "-" in "".join(keys) or len(keys) >= 3 else None


def _earlier_identity(node: _Node) -> tuple[str, ...] | None:
    """A full name written for another full name (an earlier name: "Ellen Fetter" for
    "Ellen Gille") is that person's too, so the earlier name in another article joins her."""
    if not node.full_person or node.hint is None or len(split_name(node.surface)) < 2:
        return None
    if fold_name(node.surface) == fold_name(node.hint):
        return None
    return ("person", *core_keys(node.surface), generation(node.surface) or "")


def _nodes_by_name(clusters: _Clusters, keep: Callable[[_Node], bool]) -> dict[str, list[int]]:
    """The nodes of each distinct name passing ``keep``: names, not their many uses, are compared."""
    out: dict[str, list[int]] = defaultdict(list)
    for i, n in enumerate(clusters.nodes):
        if keep(n):
            out[n.name].append(i)
    return out


def _merge_person_variants(clusters: _Clusters) -> None:
    """Full names that are one person's; every pair across the two groups must agree."""
    by_name = _nodes_by_name(clusters, lambda n: n.full_person)
    by_surname: dict[str, list[str]] = defaultdict(list)
    for name in sorted(by_name):
        by_surname[core_keys(name)[-1]].append(name)
    names_of: dict[int, set[str]] = defaultdict(set)
    for name, members in by_name.items():
        for k in members:
            names_of[clusters.find(k)].add(name)
    for a, b in _pairs_with_agreeing_surnames(by_surname):
        if not are_same_person(a, b):
            continue
        i, j = clusters.find(by_name[a][0]), clusters.find(by_name[b][0])
        if i == j or not all(are_same_person(x, y) for x in names_of[i] for y in names_of[j]):
            continue
        if clusters.union(i, j):
            root = clusters.find(i)
            names_of[root] = names_of.pop(i) | names_of.pop(j)


def _merge_name_fronts(clusters: _Clusters) -> None:
    """"Te Kaurinui" beside "Te Kaurinui Robert Parata" in one article: the front of one full
    name (given names without the surname) joins it, unless another full name of the article
    ends on its last word (then that word is a surname there, and the front a person of its own)."""
    nodes = clusters.nodes
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, n in enumerate(nodes):
        if n.full_person:
            by_article[n.article].append(i)
    for members in by_article.values():
        if len(members) < 2:
            continue
        keys = {i: core_keys(nodes[i].name) for i in members}
        for i in sorted(members, key=lambda m: (-len(keys[m]), m)):  # longest first: fronts of fronts join too
            front = keys[i]
            longer = [j for j in members if len(keys[j]) > len(front) and keys[j][: len(front)] == front]
            if not longer or any(keys[j][-1] == front[-1] for j in members if j != i and keys[j] != front):
                continue
            roots = {clusters.find(j) for j in longer}
            if len(roots) == 1:
                clusters.union(roots.pop(), i)


def _pairs_with_agreeing_surnames(by_surname: dict[str, list[str]]) -> Iterable[tuple[str, str]]:
    """Pairs of names whose surnames agree, found without comparing every name with every other."""
    surnames = sorted(by_surname)
    for pos, s1 in enumerate(surnames):
        names = by_surname[s1]
        yield from ((a, b) for i, a in enumerate(names) for b in names[i + 1 :])
        for s2 in surnames[pos + 1 :]:
            if s2[:1] != s1[:1]:
                break  # sorted: no later surname shares the first letter that agreement needs
            if same_token(s1, s2):
                yield from ((a, b) for a in names for b in by_surname[s2])


def _merge_short_org_names(clusters: _Clusters) -> None:
    """"National Coalition" joins the one organisation whose name holds it, here or elsewhere."""
    nodes = clusters.nodes
    spelled: list[tuple[tuple[str, ...], int]] = []  # every organisation spelling, as words
    for k, other in enumerate(nodes):
        if other.type == "organisation":
            spelled.extend((tuple(fold_name(n).split()), k) for n in set(_org_spellings(other)))
    for i, node in enumerate(nodes):
        if node.type != "organisation" or node.listed is not None or node.hint:
            continue
        words = tuple(fold_name(node.surface).removeprefix("the ").split())
        if len(words) < 2:
            continue
        holders = [(k, where) for longer, k in spelled if (where := _contains(longer, words))]
        for scope in (node.article, None):
            # in another article, "District Court" is no short form of "District Court of Appeal":
            # a name that goes on with "of", "for" or "on" is another body of the same kind
            hits = sorted(
                {
                    clusters.find(k)
                    for k, where in holders
                    if (scope is None and where != "before-tail" or nodes[k].article == scope) and clusters.find(k) != clusters.find(i)
                }
            )
            if len(hits) == 1:
                clusters.union(hits[0], i)
                break
            if hits:
                break


def _org_spellings(node: _Node) -> tuple[str, ...]:
    listed = node.listed
    if listed is not None:
        return (node.surface, listed.name, *listed.aliases)
    return (node.surface, node.name)


_TAIL_CONNECTORS = frozenset({"of", "for", "on"})


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> str | None:
    """Where ``shorter`` stands inside ``longer``: ``"before-tail"`` when a connector follows it
    there ("district court | of appeal"), ``"inside"`` otherwise, ``None`` when it does not."""
    n = len(shorter)
    if len(longer) <= n:
        return None
    at = [k for k in range(len(longer) - n + 1) if longer[k : k + n] == shorter]
    if not at:
        return None
    return "inside" if any(k + n == len(longer) or longer[k + n] not in _TAIL_CONNECTORS for k in at) else "before-tail"


def _merge_bare_surnames(clusters: _Clusters) -> None:
    """A bare surname joins the one full name it can mean: in its article, else archive-wide.

    With two different people of that surname in scope it stays its own, ambiguous actor.
    """
    nodes = clusters.nodes
    bare = [i for i, n in enumerate(nodes) if n.bare_person]
    full_in: dict[str, list[int]] = defaultdict(list)
    for k, n in enumerate(nodes):
        if n.full_person:
            full_in[n.article].append(k)
    by_surname: dict[str, list[int]] = defaultdict(list)  # one node per distinct full name
    for name, members in sorted(_nodes_by_name(clusters, lambda n: n.full_person).items()):
        surname = surname_key(name)
        if surname is not None:
            by_surname[surname].append(members[0])
    surnames = sorted(by_surname)
    offices: dict[int, set[str]] = defaultdict(set)  # per cluster of full names, the offices they hold
    for k, n in enumerate(nodes):
        if n.full_person and n.office:
            offices[clusters.find(k)].add(n.office)
    redirected: dict[tuple[str, str], int] = {}  # (article, surname) -> the bearer its office chose
    unresolved = []
    for i in sorted(bare, key=lambda i: (nodes[i].office is None, i)):  # those with an office first
        key = core_keys(nodes[i].name)[0]
        node = nodes[i]
        here = full_in[node.article]
        bearers = [k for s in surnames if s[:1] == key[:1] and same_token(s, key) for k in by_surname[s]]
        target = redirected.get((node.article, key))
        if target is None:
            target = _only_cluster(clusters, i, here, key, given_too=True)
            if target is not None and node.office and node.office not in offices[clusters.find(target)]:
                # "President Obama" beside "Michelle Obama" (First Lady): the office's holder
                holder = _office_holder(clusters, i, bearers, key, node.office, offices)
                if holder is not None and holder != clusters.find(target):
                    target = redirected[(node.article, key)] = holder
        if target is None:  # "Etienne said" of "Camille Etienne Gbedey": a middle name she goes by here
            middle = sorted({clusters.find(k) for k in here if any(same_token(p, key) for p in core_keys(nodes[k].name)[1:-1])})
            if len(middle) == 1 and not clusters.forbidden(middle[0], i):
                target = middle[0]
        bearers_here = any(any(same_token(p, key) for p in core_keys(nodes[k].name)) for k in here)
        if target is None and not bearers_here:  # two Lees in the article: no other article's Lee decides
            target = _only_cluster(clusters, i, bearers, key, given_too=False)
            if target is None:
                target = _dominant_cluster(clusters, i, bearers, key)
        if target is None:
            unresolved.append(i)
            continue
        before = clusters.find(target)
        if not clusters.union(target, i):
            unresolved.append(i)
        elif clusters.find(target) != before:  # the joined set is named by its smallest node now
            offices[clusters.find(target)] |= offices.pop(before, set())
    first: dict[str, int] = {}
    for i in unresolved:
        key = core_keys(nodes[i].name)[0]
        if clusters.find(i) != i:
            continue
        if key in first:
            clusters.union(first[key], i)
        else:
            first[key] = i


def _office_holder(
    clusters: _Clusters, i: int, bearers: list[int], key: str, office: str, offices: Mapping[int, set[str]]
) -> int | None:
    """The one full-name bearer of the surname, archive-wide, written with ``office``."""
    holders = sorted(
        {clusters.find(k) for k in bearers if _surname_matches(clusters.nodes[k].name, key) and office in offices.get(clusters.find(k), ())}
    )
    return holders[0] if len(holders) == 1 and not clusters.forbidden(holders[0], i) else None


def _only_cluster(clusters: _Clusters, i: int, candidates: list[int], key: str, given_too: bool) -> int | None:
    nodes = clusters.nodes
    by_surname = {clusters.find(k) for k in candidates if _surname_matches(nodes[k].name, key)}
    if not by_surname and given_too:  # "President Xi" for "Xi Jinping": family name first
        by_surname = {clusters.find(k) for k in candidates if same_token(core_keys(nodes[k].name)[0], key)}
    allowed = sorted(r for r in by_surname if not clusters.forbidden(r, i))
    return allowed[0] if len(by_surname) == 1 and allowed else None


# The archive's full name a bare surname falls back to must be named in this many times as
# many articles as the next bearer of that surname ("Donald Trump" over "Ivanka Trump").
_DOMINANCE = 3


def _dominant_cluster(clusters: _Clusters, i: int, candidates: list[int], key: str) -> int | None:
    """The one bearer of the surname the archive names far more often than any other, if any."""
    nodes = clusters.nodes
    articles: dict[int, set[str]] = defaultdict(set)
    for k in candidates:
        if _surname_matches(nodes[k].name, key):
            root = clusters.find(k)
            articles[root].update(nodes[m].article for m in clusters.members(root))
    ranked = sorted(articles, key=lambda r: (-len(articles[r]), r))
    if len(ranked) < 2 or clusters.forbidden(ranked[0], i):
        return None
    return ranked[0] if len(articles[ranked[0]]) >= _DOMINANCE * len(articles[ranked[1]]) else None


def _surname_matches(name: str, key: str) -> bool:
    surname = surname_key(name)
    return surname is not None and same_token(surname, key)


def _refers_to(clusters: _Clusters, root: int, name: str) -> bool:
    folded = fold_name(name)
    if folded in clusters.names(root):
        return True
    members = [clusters.nodes[k] for k in clusters.members(root)]
    return folded in {fold_name(_canonical(members)), slugify(_canonical(members)).replace("-", " ")}


def _canonical(members: Sequence[_Node]) -> str:
    """The gazetteer's name, else the most common complete form of the name."""
    listed = Counter(n.listed.name for n in members if n.listed is not None)
    for n in members:
        by_name = gazetteer_by_name().get(fold_name(n.name))
        if by_name is not None and by_name.type == n.type:
            listed[by_name.name] += n.count
    if listed:
        return min(listed.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    if _majority_type(members) == "person":
        forms: Counter[str] = Counter()
        for n in members:
            forms[n.name] += n.count
        return compose_person_name(sorted(forms.items()))
    forms = Counter()
    for n in members:
        forms[n.name.removeprefix("the ").removeprefix("The ")] += n.count
    return min(forms.items(), key=lambda kv: (kv[0].isupper(), -kv[1], -len(kv[0]), kv[0]))[0]


def _majority_type(members: Sequence[_Node]) -> ActorType:
    for n in members:
        if n.listed is not None:
            return n.listed.type
    weights: Counter[str] = Counter()
    for n in members:
        weights[n.type] += n.count
    return min(weights.items(), key=lambda kv: (-kv[1], ACTOR_TYPES.index(kv[0])))[0]  # type: ignore[return-value]


def _build_actors(
    clusters: _Clusters, mentions_by_article: Mapping[str, Sequence[Mention]], decisions: ActorDecisions
) -> tuple[tuple[Actor, ...], dict[str, tuple[str, ...]]]:
    drafts = []
    for root in clusters.roots():
        members = [clusters.nodes[k] for k in clusters.members(root)]
        decided = (*(n for g in decisions.merge for n in g), *(n for pair in decisions.split for n in pair))
        if all(n.bare_person for n in members) and not any(_refers_to(clusters, root, n) for n in decided):
            # A surname or given name no full name claims ("Kim" beside three Kims): no page
            # of its own, which would be a person nobody is; the Review page lists it. One the
            # archivist named in a decision keeps its page.
            continue
        name, kind, description = _canonical(members), _majority_type(members), None

        def named(target: str, root: int = root) -> bool:
            return _refers_to(clusters, root, target)

        if any(named(n) for n in decisions.drop):
            continue
        for old, new in decisions.rename:
            if named(old):
                name = new
        for target, new_type in decisions.types:
            if named(target) or fold_name(target) == fold_name(name):
                kind = new_type
        for target, text in decisions.descriptions:
            if named(target) or fold_name(target) == fold_name(name):
                description = text
        drafts.append((name, kind, description, members))
    actors = []
    per_article: dict[str, Counter[str]] = {a: Counter() for a in mentions_by_article}
    names_by_id: dict[str, str] = {}
    for name, kind, description, members in sorted(drafts, key=lambda d: (slugify(d[0]), d[0], d[1])):
        actor_id = suffix_until_free(slugify(name), lambda candidate: candidate not in names_by_id)
        names_by_id[actor_id] = name
        for n in members:
            per_article[n.article][actor_id] += n.count
        actors.append(
            Actor(
                id=actor_id,
                name=name,
                type=kind,
                surfaces=tuple(sorted({n.surface for n in members})),
                article_ids=tuple(sorted({n.article for n in members})),
                description=description,
            )
        )
    ordered = {
        article: tuple(sorted(counts, key=lambda aid: (-counts[aid], names_by_id[aid], aid)))
        for article, counts in sorted(per_article.items())
    }
    return tuple(sorted(actors, key=lambda a: a.id)), ordered
