"""Allow ``python -m mockview`` as well as the ``mockview`` script."""

from mockview.cli import main

raise SystemExit(main())
