from django.contrib.auth import views as auth_views
from django.urls import path

from demo_shop import views

urlpatterns = [
    path("", views.product_list, name="product_list"),
    path("ostoskori/", views.cart_view, name="cart"),
    path("ostoskori/lisaa/<slug:slug>/", views.cart_add, name="cart_add"),
    path("ostoskori/poista/<int:product_id>/", views.cart_remove, name="cart_remove"),
    path("kassa/", views.checkout, name="checkout"),
    path("kiitos/", views.order_done, name="order_done"),
    path("tilaukset/", views.my_orders, name="my_orders"),
    path("kirjaudu/", auth_views.LoginView.as_view(), name="login"),
    path("kirjaudu-ulos/", auth_views.LogoutView.as_view(), name="logout"),
    path("rekisteroidy/", views.register, name="register"),
]
