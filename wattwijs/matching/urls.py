from django.urls import path

from wattwijs.matching import views

app_name = "matching"

urlpatterns = [
    path("routeadvies/", views.route_advice, name="route_advice"),
    path("kandidaten/<int:pk>/", views.candidate_matches, name="candidate_matches"),
    path("kandidaten/<int:pk>/besluit/", views.candidate_decide, name="candidate_decide"),
    path("kandidaten/<int:pk>/routeadvies/", views.candidate_route, name="candidate_route"),
    path("leerbanen/<int:pk>/", views.place_matches, name="place_matches"),
    path("ketens/<slug:slug>/gewichten/", views.weights_edit, name="weights_edit"),
    path("ketens/<slug:slug>/intakeronde/", views.cohort, name="cohort"),
]
