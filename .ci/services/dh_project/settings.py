"""Django settings of the throwaway django-helpdesk 2.6.1 server for supportterm's live tests (CI only).

Everything comes from environment variables set by ../django_helpdesk.sh; loopback only, no mail.
"""
import os

BASE_DIR = os.path.dirname(os.path.abspath(__file__))
SECRET_KEY = "ci-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = [
    "django.contrib.admin", "django.contrib.auth", "django.contrib.contenttypes",
    "django.contrib.sessions", "django.contrib.messages", "django.contrib.staticfiles",
    "django.contrib.sites", "django.contrib.humanize",
    "rest_framework", "rest_framework.authtoken",
    "helpdesk",
]
SITE_ID = 1
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]
if os.environ.get("SUPPORTTERM_DH_ETAG") == "1":
    # Not django-helpdesk's own: Django's middleware adds an ETag to every GET and answers 304.
    MIDDLEWARE.insert(0, "django.middleware.http.ConditionalGetMiddleware")
ROOT_URLCONF = "urls"
TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates", "DIRS": [], "APP_DIRS": True,
    "OPTIONS": {"context_processors": [
        "django.template.context_processors.request",
        "django.contrib.auth.context_processors.auth",
        "django.contrib.messages.context_processors.messages",
    ]},
}]
DATABASES = {"default": {
    "ENGINE": "django.db.backends.sqlite3",
    "NAME": os.environ.get("SUPPORTTERM_DH_DB", os.path.join(BASE_DIR, "db.sqlite3")),
}}
USE_TZ = True
TIME_ZONE = "UTC"
STATIC_URL = "/static/"
MEDIA_ROOT = os.environ.get("SUPPORTTERM_DH_MEDIA", os.path.join(BASE_DIR, "media"))
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # never send mail
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # CI only: Basic auth at ~0.02 s
HELPDESK_TEAMS_MODE_ENABLED = False  # otherwise it needs pinax-teams
# HELPDESK_KB_ENABLED = False crashes helpdesk/urls.py in 2.6.1 (NameError: kb): leave it on.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.BasicAuthentication",
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
}
LOGGING = {"version": 1, "disable_existing_loggers": False,
           "handlers": {"console": {"class": "logging.StreamHandler"}},
           "root": {"handlers": ["console"], "level": "WARNING"}}
