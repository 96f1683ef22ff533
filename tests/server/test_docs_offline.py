"""/docs works with no internet: Swagger UI's assets come from the installed package, never a CDN."""

from fastapi.testclient import TestClient

from warta.server.app import create_app


def test_docs_page_and_its_assets_are_served_locally(demo_db):
    client = TestClient(create_app(demo_db))
    page = client.get("/docs")
    assert page.status_code == 200
    assert "/docs-assets/swagger-ui-bundle.js" in page.text and "/openapi.json" in page.text
    assert "cdn." not in page.text and "https://" not in page.text.split("<body>", 1)[0]
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css"):
        response = client.get(f"/docs-assets/{asset}")
        assert response.status_code == 200 and len(response.content) > 10_000
    assert client.get("/docs-assets/../app.py").status_code == 404
    assert client.get("/openapi.json").json()["info"]["title"] == "warta"
