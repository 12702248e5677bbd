import jax
import jax.numpy as jnp


@jax.custom_vjp
def round_ste(x):
    """round() on the way forward; on the way back, the gradient passes
    straight through where |x| <= 1 and is zero elsewhere."""
    return jnp.round(x)


def round_fwd(x):
    return jnp.round(x), x  # the output, and what the backward pass needs


def round_bwd(x, upstream):
    return (upstream * (jnp.abs(x) <= 1),)  # one gradient per input


round_ste.defvjp(round_fwd, round_bwd)

x = jnp.array([0.2, 1.7, -0.6])
print("round:", jax.grad(lambda t: (jnp.round(t) * 3).sum())(x).tolist())
print("forward:", round_ste(x).tolist())
custom = jax.grad(lambda t: (round_ste(t) * 3).sum())(x)
print("straight-through:", custom.tolist())
assert custom.tolist() == [3.0, 0.0, 3.0]
