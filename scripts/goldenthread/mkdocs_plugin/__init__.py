"""The MkDocs adapter: the `goldenthread` plugin (mkdocs.yml: `plugins: - goldenthread`),
and `goldenthread build` and `goldenthread serve`, which drive MkDocs with it. The core
(load, check, generate, publish) never imports MkDocs; only this package does, and in it
only engine.py names MkDocs (or ProperDocs, its fork) and uses more of it than its plugin API."""
