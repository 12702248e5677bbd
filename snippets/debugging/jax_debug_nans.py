import jax
import jax.numpy as jnp


@jax.jit
def loss(x):
    return jnp.log(x).sum()


x = jnp.array([1.0, -1.0])
print("loss:", loss(x))  # NaN, and no error
# Inside the block, a NaN out of a jitted function raises: JAX runs the
# function again op by op to name the op that made it.
with jax.debug_nans(True):
    try:
        loss(x)
    except FloatingPointError as error:
        print("FloatingPointError:", str(error).splitlines()[0])
print("debug_nans after the block:", jax.config.jax_debug_nans)
