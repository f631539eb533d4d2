namespace Kiln.Jupyter.Stdin;

/// <summary>The <see cref="Console.In"/> of a Jupyter kernel: each line is asked of the front-end through the stdin channel.</summary>
internal sealed class StdinReader(StdinBridge bridge) : TextReader
{
    private string _pending = string.Empty;
    private int _position;

    /// <inheritdoc/>
    public override string? ReadLine()
    {
        if (_position < _pending.Length)
        {
            var rest = _pending[_position..];
            _pending = string.Empty;
            _position = 0;
            return rest.TrimEnd('\n');
        }

        return bridge.ReadLine(string.Empty, password: false);
    }

    /// <inheritdoc/>
    public override int Peek()
    {
        Fill();
        return _pending[_position];
    }

    /// <inheritdoc/>
    public override int Read()
    {
        Fill();
        return _pending[_position++];
    }

    private void Fill()
    {
        if (_position >= _pending.Length)
        {
            _pending = bridge.ReadLine(string.Empty, password: false) + "\n";
            _position = 0;
        }
    }
}
