# Two entry points (README, first section): `make demo` and `make test`.
# Each creates the virtual environment it needs, so a fresh clone needs nothing else.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test venv clean services

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-app: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed-app

venv: $(VENV)/.installed-app

demo: $(VENV)/.installed-app
	$(BIN)/supportterm demo

# Live helpdesks for tests/live (RT 5 from apt, django-helpdesk in .work/services/dh-venv) and the zsh and
# fish the completion tests run. Exit 3 means "cannot install here" (not root, no apt or venv): the
# message is printed and the tests that need it skip.
services:
	@.ci/services/rt.sh install || [ $$? -eq 3 ]
	@.ci/services/django_helpdesk.sh install || [ $$? -eq 3 ]
	@.ci/services/shells.sh install || [ $$? -eq 3 ]

test: $(VENV)/.installed-test services
	$(BIN)/python -m pytest -q -p no:cacheprovider

clean:
	rm -rf $(VENV) build dist *.egg-info
