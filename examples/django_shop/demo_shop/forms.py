from django import forms
from django.contrib.auth.forms import UserCreationForm

from demo_shop.models import Order


class CheckoutForm(forms.ModelForm):
    class Meta:
        model = Order
        fields = ["name", "email", "address", "postal_code", "city"]

    def clean_postal_code(self) -> str:
        value: str = self.cleaned_data["postal_code"].strip()
        if not (len(value) == 5 and value.isdigit()):
            raise forms.ValidationError("Anna viisinumeroinen postinumero.")
        return value


class RegisterForm(UserCreationForm):
    email = forms.EmailField(label="Sähköposti", required=True)

    class Meta(UserCreationForm.Meta):
        fields = ("username", "email")
