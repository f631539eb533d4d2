using Kiln.Display;
using Kiln.Nn.Data;
using Kiln.Nn.Optimizers;
using Kiln.Nn.Schedulers;
using Kiln.Nn.Training;
using Kiln.Tensors;

namespace Kiln.Nn.Tests.Training;

public sealed class TrainerTests
{
    private static (DataLoader Train, DataLoader Valid) Blobs()
    {
        var g = new Generator(11);
        var x = Tensor.Randn(new Shape(64, 2), g);
        var xs = x.ToArray();
        var labels = Enumerable.Range(0, 64).Select(i => xs[2 * i] + xs[(2 * i) + 1] > 0 ? 1L : 0L).ToArray();
        var y = Tensor.FromArray(labels, 64);
        var train = new DataLoader(new TensorDataset(x.Narrow(0, 0, 48), y.Narrow(0, 0, 48)), 16, shuffle: true, seed: 3);
        var valid = new DataLoader(new TensorDataset(x.Narrow(0, 48, 16), y.Narrow(0, 48, 16)), 16);
        return (train, valid);
    }

    private static Sequential Model(long seed) => new(new Linear(2, 8, generator: new Generator(seed)), new ReLU(), new Linear(8, 2, generator: new Generator(seed + 1)));

    [Fact]
    public void Fit_RecordsLossMetricsValidationAndLearningRatePerEpoch()
    {
        var (train, valid) = Blobs();
        var model = Model(1);
        var trainer = new Trainer(new Adam(model.Parameters(), 0.05), new CrossEntropyLoss()) { ShowProgress = false, Metrics = { new Accuracy() } };

        var history = trainer.Fit(model, train, valid, epochs: 5);

        history.EpochCount.ShouldBe(5);
        history.Names.ShouldBe(["lr", "loss", "accuracy", "val_loss", "val_accuracy"], ignoreOrder: true);
        history.Series("loss")[^1].ShouldBeLessThan(history.Series("loss")[0]);
        history.Series("val_accuracy").ShouldAllBe(a => a >= 0 && a <= 1);
        Should.Throw<KeyNotFoundException>(() => history.Series("f1")).Message.ShouldContain("val_loss");
    }

    [Fact]
    public void Evaluate_MatchesLossComputedByHand()
    {
        var (_, valid) = Blobs();
        var model = Model(4);
        var trainer = new Trainer(new SGD(model.Parameters(), 0.1), new CrossEntropyLoss()) { Metrics = { new Accuracy() } };
        var batch = valid.Single();

        var result = trainer.Evaluate(model, valid);

        using (Tensor.NoGrad())
        {
            var output = model.Forward(batch[0]);
            result["loss"].ShouldBe(new CrossEntropyLoss().Forward(output, batch[1]).Item(), 1e-6);
            var predicted = output.ArgMax(1).ToArray<long>();
            result["accuracy"].ShouldBe(predicted.Zip(batch[1].ToArray<long>()).Count(p => p.First == p.Second) / 16.0);
        }
    }

    [Fact]
    public void Predict_ConcatenatesBatchOutputs_InEvalMode()
    {
        var model = new Sequential(new Linear(2, 3, generator: new Generator(2)), new Dropout(0.5));
        var x = Tensor.Randn(new Shape(10, 2), new Generator(5));
        var loader = new DataLoader(new TensorDataset(x), 4);

        var output = new Trainer(new SGD(model.Parameters(), 0.1), new MSELoss()).Predict(model, loader);

        output.Shape.ShouldBe(new Shape(10, 3));
        using (Tensor.NoGrad())
        {
            model.Eval();
            output.ToArray().ShouldBe(model.Forward(x).ToArray());
        }
    }

    [Fact]
    public void EarlyStopping_NoImprovement_StopsAfterPatienceEpochs()
    {
        var (train, valid) = Blobs();
        var model = Model(1);
        var stopper = new EarlyStopping("val_loss", patience: 2);
        var trainer = new Trainer(new SGD(model.Parameters(), 0.0), new CrossEntropyLoss()) { ShowProgress = false, Callbacks = { stopper } };

        var history = trainer.Fit(model, train, valid, epochs: 10);

        // learning rate 0: epoch 1 sets the best, epochs 2 and 3 do not improve, so training stops after epoch 3 (Keras semantics)
        history.EpochCount.ShouldBe(3);
        stopper.StoppedEpoch.ShouldBe(2);
        stopper.BestEpoch.ShouldBe(0);
    }

    [Fact]
    public void ModelCheckpoint_SavesBestEpoch_LoadableIntoFreshModel()
    {
        var (train, valid) = Blobs();
        var model = Model(1);
        var path = Path.Combine(Path.GetTempPath(), $"kiln-{Guid.NewGuid():N}.safetensors");
        try
        {
            var checkpoint = new ModelCheckpoint(path, "val_accuracy");
            var trainer = new Trainer(new Adam(model.Parameters(), 0.05), new CrossEntropyLoss()) { ShowProgress = false, Metrics = { new Accuracy() }, Callbacks = { checkpoint } };
            var history = trainer.Fit(model, train, valid, epochs: 4);

            var accuracies = history.Series("val_accuracy");
            checkpoint.BestValue.ShouldBe(accuracies.Max());
            checkpoint.SavedEpoch.ShouldBe(accuracies.ToList().IndexOf(accuracies.Max()));
            var restored = Model(99);
            restored.Load(path);
            new Trainer(new SGD(restored.Parameters(), 0.1), new CrossEntropyLoss()) { Metrics = { new Accuracy() } }
                .Evaluate(restored, valid)["accuracy"].ShouldBe(accuracies.Max());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Fit_InTerminal_WritesOneLinePerEpoch()
    {
        var (train, _) = Blobs();
        var model = Model(1);
        var writer = new StringWriter();
        var trainer = new Trainer(new SGD(model.Parameters(), 0.1), new CrossEntropyLoss()) { Callbacks = { new ProgressReporter(writer) } };

        trainer.Fit(model, train, epochs: 3);

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(3);
        lines[2].ShouldStartWith("epoch 3/3 - ");
        lines[2].ShouldContain("loss: ");
    }

    [Fact]
    public void Fit_InNotebook_ShowsHistoryOnceThenUpdatesIt()
    {
        var (train, _) = Blobs();
        var model = Model(1);
        var channel = new RecordingChannel();
        var previous = DisplaySession.Current;
        DisplaySession.Current = channel;
        try
        {
            new Trainer(new SGD(model.Parameters(), 0.1), new CrossEntropyLoss()).Fit(model, train, epochs: 4);
        }
        finally
        {
            DisplaySession.Current = previous;
        }

        channel.Shown.Count.ShouldBe(1);
        channel.Updates.ShouldBe(3);
        var history = channel.Shown[0].ShouldBeOfType<History>();
        history.EpochCount.ShouldBe(4);
        history.ToMimeBundle().GetText(MimeTypes.Html)!.ShouldContain("<th>loss</th>");
    }

    [Fact]
    public void Fit_WithScheduler_RecordsScheduledLearningRates()
    {
        var (train, _) = Blobs();
        var model = Model(1);
        var optimizer = new SGD(model.Parameters(), 0.1);
        var trainer = new Trainer(optimizer, new CrossEntropyLoss()) { ShowProgress = false, Scheduler = new StepLR(optimizer, 2, 0.5) };

        var history = trainer.Fit(model, train, epochs: 5);

        history.Series("lr").ShouldBe([0.1, 0.1, 0.05, 0.05, 0.025]);
    }

    [Fact]
    public void ReduceLROnPlateauCallback_FlatValidationLoss_ReducesLearningRate()
    {
        var (train, valid) = Blobs();
        var model = Model(1);
        var optimizer = new SGD(model.Parameters(), 1e-12);
        var plateau = new ReduceLROnPlateau(optimizer, patience: 1, factor: 0.5, eps: 0);
        var trainer = new Trainer(optimizer, new CrossEntropyLoss()) { ShowProgress = false, Callbacks = { new ReduceLROnPlateauCallback(plateau) } };

        var history = trainer.Fit(model, train, valid, epochs: 4);

        // a tiny learning rate keeps val_loss within the 1e-4 relative threshold: epoch 1 is the best, epochs 2 and 3 are bad,
        // so after epoch 3 (patience 1) the rate halves, and epoch 4 is bad again
        history.Series("lr").ShouldBe([1e-12, 1e-12, 1e-12, 5e-13]);
        optimizer.LearningRate.ShouldBe(5e-13);
        plateau.BadEpochs.ShouldBe(1);
    }

    [Fact]
    public void Fit_OptimizerOfAnotherModel_ExplainsTheMistake()
    {
        var (train, _) = Blobs();
        var trainer = new Trainer(new SGD(Model(1).Parameters(), 0.1), new CrossEntropyLoss());
        Should.Throw<ArgumentException>(() => trainer.Fit(Model(2), train)).Message.ShouldContain("model.Parameters()");
    }

    private sealed class RecordingChannel : IDisplayChannel
    {
        public List<object?> Shown { get; } = [];

        public int Updates { get; private set; }

        public DisplayHandle Show(object? value)
        {
            Shown.Add(value);
            return new DisplayHandle(this, "progress");
        }

        public void Update(string displayId, object? value) => Updates++;
    }
}
