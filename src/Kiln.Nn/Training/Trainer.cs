using Kiln.Nn.Data;
using Kiln.Nn.Optimizers;
using Kiln.Nn.Schedulers;
using Kiln.Tensors;

namespace Kiln.Nn.Training;

/// <summary>Runs the training, evaluation and prediction loops for a model with an optimizer, a loss and metrics.</summary>
/// <remarks>
/// Keras: <c>model.fit / evaluate / predict</c>; Lightning: <c>Trainer</c>. Each batch from a <see cref="DataLoader"/> is
/// (input, target); batches move to the device of the model's first parameter. Per epoch the history records
/// <c>loss</c> (sample-weighted mean of batch losses), each metric, <c>val_loss</c> and <c>val_</c>metrics with
/// validation data, and <c>lr</c>.
/// </remarks>
public sealed class Trainer
{
    /// <summary>Creates a trainer for <paramref name="optimizer"/> and <paramref name="loss"/>.</summary>
    public Trainer(Optimizer optimizer, Loss loss)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(loss);
        (Optimizer, Loss) = (optimizer, loss);
    }

    /// <summary>The optimizer stepped after every batch.</summary>
    public Optimizer Optimizer { get; }

    /// <summary>The loss minimized.</summary>
    public Loss Loss { get; }

    /// <summary>The metrics computed per epoch on training and validation data (e.g. <see cref="Accuracy"/>).</summary>
    public IList<IMetric> Metrics { get; } = [];

    /// <summary>The callbacks called by <see cref="Fit"/>, in order.</summary>
    public IList<Callback> Callbacks { get; } = [];

    /// <summary>A schedule stepped after every epoch (or every batch with <see cref="StepSchedulerPerBatch"/>).</summary>
    public LearningRateScheduler? Scheduler { get; init; }

    /// <summary>Whether <see cref="Scheduler"/> steps per batch (as <see cref="OneCycleLR"/> expects) instead of per epoch.</summary>
    public bool StepSchedulerPerBatch { get; init; }

    /// <summary>When set, gradients are clipped to this total norm before each step.</summary>
    public double? MaxGradNorm { get; init; }

    /// <summary>Whether <see cref="Fit"/> adds a <see cref="ProgressReporter"/> when none is among the callbacks.</summary>
    public bool ShowProgress { get; init; } = true;

    /// <summary>Trains <paramref name="model"/> for <paramref name="epochs"/> epochs and returns the recorded history.</summary>
    /// <remarks>Keras: <c>model.fit(x, y, epochs, validation_data)</c>.</remarks>
    /// <exception cref="ArgumentException">The optimizer does not hold the model's parameters.</exception>
    public History Fit(Module model, DataLoader train, DataLoader? valid = null, int epochs = 1)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epochs);
        CheckOptimizerOwns(model);
        var history = new History();
        var context = new TrainingContext(model, Optimizer, history, epochs);
        var callbacks = Callbacks.ToList();
        if (ShowProgress && !callbacks.OfType<ProgressReporter>().Any())
        {
            callbacks.Add(new ProgressReporter());
        }

        callbacks.ForEach(c => c.OnTrainBegin(context));
        for (var epoch = 0; epoch < epochs && !context.StopTraining; epoch++)
        {
            var logs = new Dictionary<string, double>(StringComparer.Ordinal) { ["lr"] = Optimizer.LearningRate };
            foreach (var (name, value) in RunEpoch(model, train))
            {
                logs[name] = value;
            }

            if (valid is not null)
            {
                foreach (var (name, value) in Evaluate(model, valid))
                {
                    logs["val_" + name] = value;
                }
            }

            history.Add(logs);
            if (Scheduler is not null && !StepSchedulerPerBatch)
            {
                Scheduler.Step();
            }

            callbacks.ForEach(c => c.OnEpochEnd(context, epoch, logs));
        }

        callbacks.ForEach(c => c.OnTrainEnd(context));
        return history;
    }

    /// <summary>Computes the loss and metrics of <paramref name="model"/> over <paramref name="data"/> in evaluation mode.</summary>
    /// <remarks>Keras: <c>model.evaluate</c>. Keys: <c>loss</c> and each metric's name. The model's mode is restored afterwards.</remarks>
    public IReadOnlyDictionary<string, double> Evaluate(Module model, DataLoader data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        var wasTraining = model.IsTraining;
        model.Eval();
        var accumulator = new EpochAccumulator(Metrics);
        using (Tensor.NoGrad())
        {
            foreach (var batch in data)
            {
                var (x, y) = Split(model, batch);
                var output = model.Forward(x);
                accumulator.Add(Loss.Forward(output, y), output, y);
            }
        }

        model.Train(wasTraining);
        return accumulator.Result();
    }

    /// <summary>Runs <paramref name="model"/> in evaluation mode over the first tensor of every batch and concatenates the outputs.</summary>
    /// <remarks>Keras: <c>model.predict</c>. The model's mode is restored afterwards.</remarks>
    public Tensor Predict(Module model, DataLoader data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        var wasTraining = model.IsTraining;
        model.Eval();
        var outputs = new List<Tensor>();
        using (Tensor.NoGrad())
        {
            foreach (var batch in data)
            {
                outputs.Add(model.Forward(ToModelDevice(model, batch[0])));
            }
        }

        model.Train(wasTraining);
        if (outputs.Count == 0)
        {
            throw new ArgumentException("Predict: the data loader yielded no batches.", nameof(data));
        }

        return Tensor.Concat(outputs);
    }

    private IReadOnlyDictionary<string, double> RunEpoch(Module model, DataLoader train)
    {
        model.Train();
        var accumulator = new EpochAccumulator(Metrics);
        foreach (var batch in train)
        {
            var (x, y) = Split(model, batch);
            Optimizer.ZeroGrad();
            var output = model.Forward(x);
            var loss = Loss.Forward(output, y);
            loss.Backward();
            if (MaxGradNorm is { } maxNorm)
            {
                GradientClipping.ClipGradNorm(Optimizer.Parameters, maxNorm);
            }

            Optimizer.Step();
            if (Scheduler is not null && StepSchedulerPerBatch)
            {
                Scheduler.Step();
            }

            accumulator.Add(loss.Detach(), output.Detach(), y);
        }

        return accumulator.Result();
    }

    private static (Tensor Input, Tensor Target) Split(Module model, IReadOnlyList<Tensor> batch)
    {
        if (batch.Count < 2)
        {
            throw new ArgumentException($"Trainer: a batch has {batch.Count} tensor(s); training and evaluation need (input, target), e.g. new TensorDataset(x, y).");
        }

        return (ToModelDevice(model, batch[0]), ToModelDevice(model, batch[1]));
    }

    private static Tensor ToModelDevice(Module model, Tensor t) =>
        model.Parameters().FirstOrDefault() is { } p && !p.Device.Equals(t.Device) ? t.To(p.Device) : t;

    private void CheckOptimizerOwns(Module model)
    {
        var owned = new HashSet<Tensor>(model.Parameters(), ReferenceEqualityComparer.Instance);
        if (!Optimizer.Parameters.All(owned.Contains))
        {
            throw new ArgumentException("Trainer.Fit: the optimizer holds tensors that are not the model's parameters; create the optimizer from model.Parameters() after any model.To(device).", nameof(model));
        }
    }
}
