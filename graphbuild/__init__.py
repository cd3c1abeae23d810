"""graphbuild: knowledge graphs of who did what, with whom, from news articles."""
