"""The MkDocs adapter: the `goldenthread` plugin (mkdocs.yml: `plugins: - goldenthread`),
and `goldenthread build` and `goldenthread serve`, which drive MkDocs with it. The core
(load, check, generate, publish) never imports MkDocs; only this package does."""
