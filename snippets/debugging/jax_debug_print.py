import jax
import jax.numpy as jnp


@jax.jit
def step(x):
    y = jnp.tanh(x) * 2
    print("print sees:", type(y).__name__)  # while tracing, once
    jax.debug.print("jax.debug.print sees: {}", y)  # at every call
    return y.sum()


print("sum:", step(jnp.array([0.0, 1.0])))
print("sum:", step(jnp.array([2.0, 3.0])))
