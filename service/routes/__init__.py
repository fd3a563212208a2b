"""HTTP routers: thin layers over models.storage and the engine; one module per resource."""
