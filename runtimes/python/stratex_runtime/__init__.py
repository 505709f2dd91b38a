"""The trusted Python runner: a zygote that forks one child per strategy job (see README.md)."""
