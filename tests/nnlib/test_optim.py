"""Every optimiser's update on a tiny case computed by hand, and the settings each refuses."""

import numpy as np
import pytest

from nnlib import SGD, Adam, Momentum
from nnlib.optim import OPTIMIZERS


def one_weight(value=1.0):
    return {"w": np.array([value])}, {"w": np.array([0.5])}


def test_sgd_step():
    params, grads = one_weight()
    SGD(lr=0.1).step(params, grads)
    np.testing.assert_allclose(params["w"], [0.95])


def test_sgd_updates_in_place():
    params, grads = one_weight()
    w = params["w"]
    SGD(lr=1.0).step(params, grads)
    assert w[0] == 0.5  # the network's own array changed, not a copy


def test_momentum_two_steps():
    params, grads = one_weight()
    opt = Momentum(lr=0.1, momentum=0.9)
    opt.step(params, grads)  # v = -0.05, w = 0.95
    opt.step(params, grads)  # v = 0.9 * -0.05 - 0.05 = -0.095, w = 0.855
    np.testing.assert_allclose(params["w"], [0.855])


def test_adam_first_step_moves_by_lr():
    # After one step the bias-corrected m/sqrt(v) is sign(g): Adam moves every weight by about lr.
    params = {"w": np.array([1.0, -2.0])}
    grads = {"w": np.array([0.5, -30.0])}
    Adam(lr=0.01).step(params, grads)
    np.testing.assert_allclose(params["w"], [0.99, -1.99], rtol=1e-6)


def test_adam_matches_textbook_formula():
    rng = np.random.default_rng(0)
    w = rng.standard_normal(4)
    params = {"w": w.copy()}
    opt = Adam(lr=0.05, eps=1e-12)
    m = v = np.zeros(4)
    for t in range(1, 6):
        g = rng.standard_normal(4)
        opt.step(params, {"w": g})
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g**2
        w = w - 0.05 * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-12)
    np.testing.assert_allclose(params["w"], w, rtol=1e-9)


def test_optimisers_keep_float32():
    for opt in (SGD(0.1), Momentum(0.1), Adam(0.1)):
        params = {"w": np.ones(3, np.float32)}
        opt.step(params, {"w": np.full(3, 0.5, np.float32)})
        opt.step(params, {"w": np.full(3, 0.5, np.float32)})
        assert params["w"].dtype == np.float32


def test_minimise_a_bowl():
    for opt in (SGD(0.1), Momentum(0.05), Adam(0.1)):
        params = {"w": np.array([3.0, -2.0])}
        for _ in range(300):
            opt.step(params, {"w": 2 * params["w"]})  # gradient of |w|^2
        assert np.linalg.norm(params["w"]) < 1e-2, opt


def test_registry_and_reprs():
    assert OPTIMIZERS == {"sgd": SGD, "momentum": Momentum, "adam": Adam}
    assert repr(Momentum(0.01, momentum=0.9)) == "Momentum(lr=0.01, momentum=0.9)"
    assert repr(Adam(0.05)) == "Adam(lr=0.05, beta1=0.9, beta2=0.999)"


@pytest.mark.parametrize("make", [SGD, Momentum, Adam])
@pytest.mark.parametrize("lr", [0, -1, float("nan"), float("inf"), "0.1", None])
def test_a_learning_rate_must_be_positive_and_finite(make, lr):
    with pytest.raises(ValueError, match=r"lr must be a positive, finite number, got .*try the original guide's 0.5"):
        make(lr=lr)


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda: Momentum(0.1, momentum=1.0), r"momentum must be in \[0, 1\), got 1.0\. .*try 0.9"),
        (lambda: Momentum(0.1, momentum=-0.1), r"momentum must be in \[0, 1\), got -0.1"),
        (lambda: Adam(beta1=1.5), r"beta1 must be in \[0, 1\), got 1.5\. .*try 0.9\."),
        (lambda: Adam(beta2=1), r"beta2 must be in \[0, 1\), got 1\. .*try 0.999"),
        (lambda: Adam(eps=0), r"eps must be a positive, finite number, got 0\. .*try 1e-8"),
    ],
)
def test_averaging_settings_are_checked(make, message):
    with pytest.raises(ValueError, match=message):
        make()


def test_the_cosine_schedule_glides_from_the_initial_rate_towards_zero():
    from nnlib import cosine_schedule

    schedule = cosine_schedule(0.1, 10)
    rates = [schedule(epoch) for epoch in range(10)]
    assert rates[0] == 0.1 and rates[5] == pytest.approx(0.05)  # half way: half the rate
    assert all(a > b > 0 for a, b in zip(rates, rates[1:]))  # falling, never reaching 0
    assert schedule(10) == pytest.approx(0.0, abs=1e-15)  # 0 one epoch after the last
