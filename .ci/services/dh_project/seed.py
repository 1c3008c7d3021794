"""Seeds the CI django-helpdesk (run as `manage.py shell < seed.py`); prints KEY=VALUE credential lines.

Users: admin (superuser), agent (is_staff: the API needs staff), customer (not staff). Queue "support".
"""
from django.contrib.auth import get_user_model
from helpdesk.models import Queue
from rest_framework.authtoken.models import Token

U = get_user_model()
admin = U.objects.filter(username="admin").first() or U.objects.create_superuser(
    "admin", "admin@example.com", "admin-pass-123")
agent = U.objects.filter(username="agent").first() or U.objects.create_user(
    "agent", "agent@example.com", "agent-pass-123", is_staff=True, first_name="Alex", last_name="Agent")
customer = U.objects.filter(username="customer").first() or U.objects.create_user(
    "customer", "customer@example.com", "customer-pass-123", first_name="Casey", last_name="Customer")
queue, _ = Queue.objects.get_or_create(
    slug="support", defaults={"title": "Support", "email_address": "support@example.com"})
print(f"DH_QUEUE_ID={queue.id}")
print(f"DH_TOKEN={Token.objects.get_or_create(user=agent)[0].key}")
print(f"DH_ADMIN_TOKEN={Token.objects.get_or_create(user=admin)[0].key}")
