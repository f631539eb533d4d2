using Kiln.Tensors;

namespace Kiln.Data;

/// <summary>Conversion to tensors, for training.</summary>
public sealed partial class Frame
{
    /// <summary>Returns the named columns (all columns when none are named) as a float32 tensor of shape <c>[rows, columns]</c>.</summary>
    /// <remarks>Same conversion as <see cref="ToArray"/>: nulls become NaN, booleans 0 and 1, categories their codes.
    /// PyTorch: <c>torch.tensor(df[cols].to_numpy(), dtype=torch.float32)</c>.</remarks>
    /// <exception cref="InvalidOperationException">A column holds text or dates.</exception>
    public Tensor ToTensor(params string[] columns)
    {
        var array = ToArray(columns);
        return Tensor.FromArray(array.Data, array.Rows, array.Columns);
    }

    /// <summary>Returns an integer column (for example class labels from a <c>LabelEncoder</c>) as an int64 tensor of shape <c>[rows]</c>.</summary>
    /// <remarks>The target tensor that <c>CrossEntropy</c> expects. PyTorch: <c>torch.tensor(df[col].to_numpy(), dtype=torch.long)</c>.</remarks>
    /// <exception cref="InvalidOperationException">The column has nulls or values that are not whole numbers.</exception>
    public Tensor ToLabelTensor(string column)
    {
        var source = this[column];
        var labels = new long[RowCount];
        for (var i = 0; i < labels.Length; i++)
        {
            var value = source.GetDouble(i);
            if (double.IsNaN(value) || value != Math.Floor(value))
            {
                throw new InvalidOperationException(
                    $"Column '{column}' row {i} is '{source.FormatValue(i)}', not a whole-number label. Encode labels first, e.g. with LabelEncoder.");
            }

            labels[i] = (long)value;
        }

        return Tensor.FromArray(labels, labels.Length);
    }
}
