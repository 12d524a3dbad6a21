"""django-axes hooks (AXES_USERNAME_CALLABLE in the settings)."""

from django.contrib.auth import get_user_model


def username(request, credentials=None):
    """The login name tried, cut to the longest a user can have: axes stores it in a
    column of 255 characters, and PostgreSQL refuses a longer value (a guess of 3,000
    characters made the login page fail). No account has a longer name, so nothing that
    could log in is lost."""
    field = get_user_model().USERNAME_FIELD
    source = credentials if credentials else getattr(request, "POST", {})
    value = source.get(field) or ""
    return str(value)[: get_user_model()._meta.get_field(field).max_length]
