"""graphbuild: knowledge graphs of who did what, with whom, from news articles.

>>> import graphbuild
>>> kg = graphbuild.load("outputs/graph.json")
>>> kg.entity("Britain").label
'United Kingdom'
"""

from graphbuild.build import build, load
from graphbuild.errors import GraphbuildError
from graphbuild.query import KnowledgeGraph
from graphbuild.types import Article, Claim, Entity, Evidence, Mention

__all__ = ["Article", "Claim", "Entity", "Evidence", "GraphbuildError", "KnowledgeGraph",
           "Mention", "build", "load"]
